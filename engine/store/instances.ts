/** @module Instance rows: insert, load, the optimistic-lock update a step commits with, and listing. */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { type InstanceRow, processInstances, userTasks } from './schema';

export type NewInstance = typeof processInstances.$inferInsert;

export async function loadInstance(db: DbOrTx, id: string): Promise<InstanceRow | undefined> {
  const [row] = await db.select().from(processInstances).where(eq(processInstances.id, id));
  return row;
}

export type InstancePatch = Pick<InstanceRow, 'snapshot' | 'status' | 'variables' | 'activeElementIds'> & {
  endedAt?: Date | null;
};

/**
 * Writes a step's result only if nobody stepped the instance since it was read; `undefined` = race lost.
 * The new row is built from the old one plus the patch, so the (large) snapshot is not read back.
 */
export async function updateInstanceVersioned(
  tx: DbOrTx,
  current: InstanceRow,
  patch: Partial<InstancePatch>,
): Promise<InstanceRow | undefined> {
  const updatedAt = new Date();
  // The hottest statement of the runtime, written as plain SQL: the query builder's per-call cost is higher
  // than the statement's own on PostgreSQL.
  const sets = [
    sql`version = ${current.version + 1}`,
    sql`updated_at = ${updatedAt.toISOString()}::timestamptz`,
  ];
  if (patch.snapshot !== undefined) sets.push(sql`snapshot = ${JSON.stringify(patch.snapshot)}::jsonb`);
  if (patch.status !== undefined) sets.push(sql`status = ${patch.status}`);
  if (patch.variables !== undefined) sets.push(sql`variables = ${JSON.stringify(patch.variables)}::jsonb`);
  if (patch.activeElementIds !== undefined)
    sets.push(sql`active_element_ids = ${textArray(patch.activeElementIds)}`);
  if (patch.endedAt !== undefined)
    sets.push(sql`ended_at = ${patch.endedAt ? patch.endedAt.toISOString() : null}::timestamptz`);
  const result = (await tx.execute(
    sql`update process_instances set ${sql.join(sets, sql`, `)} where id = ${current.id} and version = ${current.version} returning id`,
  )) as unknown as { rows: unknown[] };
  return result.rows.length === 1
    ? { ...current, ...patch, version: current.version + 1, updatedAt }
    : undefined;
}

const textArray = (values: string[]) =>
  values.length === 0
    ? sql`'{}'::text[]`
    : sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

/** The child a call activity started, found by the parent's child key. */
export async function findChildInstance(
  tx: DbOrTx,
  parentId: string,
  childKey: string,
): Promise<InstanceRow | undefined> {
  const [row] = await tx
    .select()
    .from(processInstances)
    .where(
      and(
        eq(processInstances.parentInstanceId, parentId),
        sql`${processInstances.parentRef}->>'childKey' = ${childKey}`,
      ),
    );
  return row;
}

export interface InstanceQuery {
  processKey?: string;
  status?: InstanceRow['status'];
  businessKey?: string;
  unitId?: string;
  /** 我发起的: instances this user started. */
  startedBy?: string;
  page?: number;
  pageSize?: number;
}

export async function listInstances(
  db: DbOrTx,
  q: InstanceQuery = {},
): Promise<{ items: InstanceRow[]; total: number }> {
  const t = processInstances;
  const where = and(
    q.processKey ? eq(t.processKey, q.processKey) : undefined,
    q.status ? eq(t.status, q.status) : undefined,
    q.businessKey ? eq(t.businessKey, q.businessKey) : undefined,
    q.unitId ? eq(t.unitId, q.unitId) : undefined,
    q.startedBy ? eq(t.startedBy, q.startedBy) : undefined,
  );
  const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 100);
  const offset = (Math.max(q.page ?? 1, 1) - 1) * pageSize;
  const items = await db
    .select()
    .from(t)
    .where(where)
    .orderBy(desc(t.startedAt))
    .limit(pageSize)
    .offset(offset);
  const [{ n }] = await db.select({ n: count() }).from(t).where(where);
  return { items, total: n };
}

/**
 * The newest instances (at most `limit` of each kind) `username` submitted data to, started or completed a task of,
 * whose variables mention `text` (as a JSON string). A file field accepts only its submitter's own uploads, so this
 * is where an upload can sit; walked along the two per-user indexes, never a scan of the instance table.
 */
export async function instancesSubmittedByMentioning(
  db: DbOrTx,
  username: string,
  text: string,
  limit = 100,
): Promise<string[]> {
  const t = processInstances;
  const mentions = sql`${t.variables}::text like ${`%${JSON.stringify(text).replace(/[\\%_]/g, '\\$&')}%`}`;
  const started = db
    .select({ id: t.id })
    .from(t)
    .where(eq(t.startedBy, username))
    .orderBy(desc(t.startedAt))
    .limit(limit);
  const completed = db
    .select({ id: userTasks.instanceId })
    .from(userTasks)
    .where(and(eq(userTasks.status, 'completed'), eq(userTasks.completedBy, username)))
    .orderBy(desc(userTasks.completedAt))
    .limit(limit);
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(mentions, sql`(${t.id} in (${started}) or ${t.id} in (${completed}))`));
  return rows.map((r) => r.id);
}
