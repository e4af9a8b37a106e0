/**
 * @module The rules a workflow declares for the runtime's hooks (engine/runtime `RuntimeHooks`): each process folder
 * exports its `WorkflowChecks`, workflows/index.ts composes them by process key. Routes stay generic: the runtime
 * calls these on every start and completion, whoever asks (HTTP, a scenario, the demo).
 */
import type { CancelledInstance, CompleteCheck, RuntimeHooks, StartCheck } from '../engine/runtime';
import { assertUnitActive } from '../identity/units';
import { AppError } from '../platform/errors';
import { assignBusinessKey } from './record/business-key';

export interface WorkflowChecks {
  /** Before the start form: variables naming something that cannot exist (404 rather than a field error). */
  beforeStartForm?(check: StartCheck): Promise<void>;
  /** After the start form passed, before the instance exists: 404/403/409 now instead of an incident later. */
  beforeStart?(check: StartCheck): Promise<void>;
  /** After the task's form passed, before the step (e.g. a revised resource code that is already taken). */
  beforeComplete?(check: CompleteCheck): Promise<void>;
  /** In the cancel's transaction: release what the process holds (not a check, but the same per-process seam). */
  afterCancel?(cancelled: CancelledInstance): Promise<void>;
}

/** One hook per moment, dispatching on the process key; a key without checks passes. */
export function composeChecks(byKey: Readonly<Record<string, WorkflowChecks>>): Required<RuntimeHooks> {
  // Own keys only: a process called `constructor` has no checks, not Object's.
  const of = (key: string): WorkflowChecks | undefined =>
    Object.hasOwn(byKey, key) ? byKey[key] : undefined;
  return {
    checkBeforeStartForm: async (c) => of(c.processKey)?.beforeStartForm?.(c),
    checkBeforeStart: async (c) => {
      // An inactive unit gets no new tasks (docs/api.md "Units"): its people start nothing, whatever the process.
      if (c.user.unitId) await assertUnitActive(c.db, c.user.unitId, 'task');
      return of(c.processKey)?.beforeStart?.(c);
    },
    checkBeforeComplete: async (c) => of(c.task.processKey)?.beforeComplete?.(c),
    afterCancel: async (c) => of(c.instance.processKey)?.afterCancel?.(c),
    // Not a per-process rule: any process whose diagram declares huiliu:businessKeyPattern is numbered.
    businessKeyFor: assignBusinessKey,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For processes whose `entryId` names a catalog entry: entry ids are uuids, so one of another shape (a code given
 * where the id belongs) is an unknown entry (404), never a database error and not a form field error.
 */
export async function refuseMalformedEntryId({ variables }: StartCheck): Promise<void> {
  if (typeof variables.entryId === 'string' && !UUID.test(variables.entryId))
    throw new AppError('NOT_FOUND', '目录条目不存在', { messageEn: 'Catalog entry not found' });
}
