/** @module Who holds an open task (转办, 委派, 交还): one guarded update of assignee and owner. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Vars } from '../contract';
import type { DbOrTx } from '../../platform/db/db';
import { userTasks } from './schema';

export interface TaskHolder {
  assignee: string | null;
  owner: string | null;
}

const is = (column: typeof userTasks.assignee | typeof userTasks.owner, value: string | null) =>
  value === null ? isNull(column) : eq(column, value);

/**
 * Moves an open task from the holder it was read with to another; false when it changed or closed meanwhile (the
 * caller's 409). `localVars` replaces the task's local variables (a delegate's resolve leaves its work there).
 */
export async function setTaskHolder(
  tx: DbOrTx,
  id: string,
  from: TaskHolder,
  to: TaskHolder,
  localVars?: Vars | null,
): Promise<boolean> {
  const rows = await tx
    .update(userTasks)
    .set({ assignee: to.assignee, owner: to.owner, ...(localVars !== undefined ? { localVars } : {}) })
    .where(
      and(
        eq(userTasks.id, id),
        eq(userTasks.status, 'open'),
        is(userTasks.assignee, from.assignee),
        is(userTasks.owner, from.owner),
      ),
    )
    .returning({ id: userTasks.id });
  return rows.length === 1;
}
