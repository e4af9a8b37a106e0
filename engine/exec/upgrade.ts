/**
 * @module upgradeCompiled: a definition compiled by an older engine, as the runtime loads it, gets what this engine
 * adds to every machine without changing its states (move transitions and the start step, 加签 transitions), so
 * 退回/撤回/加签 work on processes deployed before them. Idempotent; only transitions and one state are added,
 * so existing snapshots restore as before.
 */
import type { CompiledProcess } from '../contract';
import { upgradeMachine } from '../compile/moves';
import { addSignerTransitions } from '../elements/task/signers';

export function upgradeCompiled(process: CompiledProcess): CompiledProcess {
  upgradeMachine(process.machine, process.info.startFormKey, addSignerTransitions);
  return process;
}
