/** @module The pre-start checks of the shipped processes, so the start route answers 404/409 instead of raising an incident. */
import type { Vars } from '../engine/contract';
import type { DbOrTx } from '../platform/db/db';
import { type Actor, assertChangeAllowed, assertCodeAvailable } from './catalog/services';
import { assertProblemReportable } from './problems/workers';

export interface CheckBeforeStartOptions {
  /** Whether an instance still runs: a change lock left by a cancelled instance is then ignored. */
  isInstanceActive?: (instanceId: string) => Promise<boolean>;
}

/** Throws an AppError (NOT_FOUND, FORBIDDEN, CONFLICT) when the process must not start; other keys pass. */
export async function checkBeforeStart(
  db: DbOrTx,
  processKey: string,
  variables: Vars,
  actor: Actor,
  opts: CheckBeforeStartOptions = {},
) {
  if (processKey === 'catalog-registration' && typeof variables.resourceCode === 'string') {
    await assertCodeAvailable(db, variables.resourceCode);
  } else if (processKey === 'catalog-change' && typeof variables.entryId === 'string') {
    await assertChangeAllowed(db, variables.entryId, { actor, isInstanceActive: opts.isInstanceActive });
  } else if (processKey === 'data-problem' && typeof variables.entryId === 'string') {
    await assertProblemReportable(db, variables.entryId);
  }
}
