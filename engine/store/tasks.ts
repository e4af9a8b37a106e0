/** @module User-task rows: open, close, claim, and the inbox listing (which must stay fast at 1M rows). */
import { and, asc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { type TaskRow, userTasks } from './schema';

export type NewTask = typeof userTasks.$inferInsert;

export async function getTaskRow(db: DbOrTx, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(userTasks).where(eq(userTasks.id, id));
  return row;
}

export async function listInstanceTasks(db: DbOrTx, instanceId: string): Promise<TaskRow[]> {
  return db
    .select()
    .from(userTasks)
    .where(eq(userTasks.instanceId, instanceId))
    .orderBy(asc(userTasks.createdAt));
}

/** Sets the assignee only if it still is `expected` (claim: null → me; unclaim: me → null). */
export async function setAssignee(
  tx: DbOrTx,
  id: string,
  expected: string | null,
  assignee: string | null,
): Promise<boolean> {
  const rows = await tx
    .update(userTasks)
    .set({ assignee })
    .where(
      and(
        eq(userTasks.id, id),
        eq(userTasks.status, 'open'),
        expected === null ? isNull(userTasks.assignee) : eq(userTasks.assignee, expected),
      ),
    )
    .returning({ id: userTasks.id });
  return rows.length === 1;
}

/** Who is asking, reduced to what the SQL needs (computed by engine/runtime/task-access.ts). */
export interface TaskAccessScope {
  username: string;
  /** The keys this user matches in `user_tasks.access_keys`. */
  keys: string[];
}

export interface TaskListQuery {
  access: TaskAccessScope;
  scope: 'mine' | 'group' | 'all';
  status?: TaskRow['status'];
  processKey?: string;
  processInstanceId?: string;
  overdue?: boolean;
  unitId?: string;
  now: Date;
  page?: number;
  pageSize?: number;
}

const textArray = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** The candidate half of the visibility rule: one overlap test against the partial GIN index. */
export function candidateSql(a: TaskAccessScope): SQL {
  return a.keys.length > 0 ? sql`${userTasks.accessKeys} && ${textArray(a.keys)}` : sql`false`;
}

/** The WHERE of the inbox list (exported so the benchmark can EXPLAIN exactly what the runtime runs). */
export function taskListWhere(q: TaskListQuery): SQL | undefined {
  const t = userTasks;
  const mine = eq(t.assignee, q.access.username);
  const who =
    q.scope === 'mine'
      ? mine
      : q.scope === 'group'
        ? and(isNull(t.assignee), candidateSql(q.access))
        : or(mine, candidateSql(q.access));
  return and(
    eq(t.status, q.status ?? 'open'),
    who,
    q.processKey ? eq(t.processKey, q.processKey) : undefined,
    q.processInstanceId ? eq(t.instanceId, q.processInstanceId) : undefined,
    q.unitId ? eq(t.unitId, q.unitId) : undefined,
    q.overdue ? lt(t.dueAt, q.now) : undefined,
  );
}

/** Spelled like the indexes (DESC NULLS LAST) so the newest-first index can deliver the order. */
export const newestFirst = sql`${userTasks.createdAt} desc nulls last, ${userTasks.id} desc nulls last`;

export async function listTaskRows(
  db: DbOrTx,
  q: TaskListQuery,
): Promise<{ items: TaskRow[]; total: number }> {
  const t = userTasks;
  const where = taskListWhere(q);
  const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 100);
  const offset = (Math.max(q.page ?? 1, 1) - 1) * pageSize;
  // Page and total as two statements so each gets its own plan: the page may walk the newest-first index and stop
  // after 20 rows, the count is a bitmap over the short GIN posting lists.
  const items = await db.select().from(t).where(where).orderBy(newestFirst).limit(pageSize).offset(offset);
  const total = offset === 0 && items.length < pageSize ? items.length : await countTasks(db, where);
  return { items, total };
}

async function countTasks(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(userTasks)
    .where(where);
  return n;
}
