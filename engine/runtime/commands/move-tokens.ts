/**
 * @module moveTokens: the runtime side of the engine's `token.move` (退回, 撤回, modification). The move is computed
 * purely first, so that the caller's rules can look at the outcome (which elements it entered, which it left)
 * before anything is written; then it is written as any step is (commitStep: one guarded statement, a racing
 * step makes it read again and retry, eight losses → 409).
 */
import type { EngineEvent, StepResult } from '../../contract';
import { AppError } from '../../../platform/errors';
import { type DefinitionRow, type InstanceRow, loadInstance } from '../../store';
import { definitionById } from '../definitions';
import { isUuid, notFound } from '../ids';
import { retrying } from '../retry';
import { commitStep, type StepOutcome } from '../step';
import type { RuntimeContext } from '../types';

export type MoveEvent = Omit<Extract<EngineEvent, { type: 'token.move' }>, 'type' | 'at'>;

export interface MovePlan {
  event: MoveEvent;
  /** Let the caller refuse the computed outcome (throw an AppError); nothing is written then. */
  check?: (result: StepResult) => void;
  /** The error when the engine finds nothing to move (default: 409). */
  rejected?: () => AppError;
}

export const RUNNING = new Set(['active', 'incident']);

export async function readRunning(rt: RuntimeContext, instanceId: string): Promise<InstanceRow> {
  const row = isUuid(instanceId) ? await loadInstance(rt.db, instanceId) : undefined;
  if (!row) throw notFound('流程实例', 'Process instance', instanceId);
  if (!RUNNING.has(row.status))
    throw new AppError('CONFLICT', '流程实例已结束', { messageEn: `The instance is already ${row.status}` });
  return row;
}

/**
 * Reads the instance, lets `plan` decide the move on what it read (its rules may refuse with an AppError), and
 * writes it. Every try reads afresh, so a rule is always judged on the state the move is written over.
 */
export async function moveTokens(
  rt: RuntimeContext,
  instanceId: string,
  plan: (instance: InstanceRow, def: DefinitionRow) => Promise<MovePlan> | MovePlan,
): Promise<StepOutcome> {
  return retrying(async () => {
    const instance = await readRunning(rt, instanceId);
    const def = await definitionById(rt, rt.db, instance.definitionId);
    const { event, check, rejected } = await plan(instance, def);
    const full = { type: 'token.move' as const, at: rt.clock.now().toISOString(), ...event };
    const result = rt.engine.stepProcess(def.compiled, instance.snapshot, full, { calendar: rt.calendar });
    if ('rejected' in result)
      throw (
        rejected?.() ??
        new AppError('CONFLICT', '流程当前的状态不允许此操作（目标所在的范围没有进行中的步骤）', {
          messageEn: `The move does not apply: ${result.reason}`,
        })
      );
    check?.(result);
    return commitStep(rt, instance, full, { actor: event.actor ?? null });
  });
}

/** The elements a step entered (history `element.activated`). */
export function enteredBy(result: StepResult): Set<string> {
  const ids = new Set<string>();
  for (const e of result.effects)
    if (e.type === 'history' && e.event.type === 'element.activated' && e.event.elementId)
      ids.add(e.event.elementId);
  return ids;
}
