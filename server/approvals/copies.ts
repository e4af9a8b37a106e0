/** @module 抄送 rows: write (one per task and person), list mine, mark read, count. */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { taskCopies, type TaskCopyRow } from './schema';

export interface CopyTask {
  id: string;
  instanceId: string;
  elementId: string;
  name: string;
  processKey: string;
  businessKey: string | null;
}

/** The recipients newly copied (someone copied this task before keeps their first row). */
export async function insertCopies(
  db: DbOrTx,
  task: CopyTask,
  usernames: string[],
  by: string | null,
  comment: string | undefined,
  at: Date,
): Promise<string[]> {
  if (usernames.length === 0) return [];
  const rows = await db
    .insert(taskCopies)
    .values(
      usernames.map((username) => ({
        instanceId: task.instanceId,
        taskId: task.id,
        elementId: task.elementId,
        taskName: task.name,
        processKey: task.processKey,
        businessKey: task.businessKey,
        username,
        copiedBy: by,
        comment: comment ?? null,
        createdAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ username: taskCopies.username });
  return rows.map((r) => r.username);
}

export async function listCopies(
  db: DbOrTx,
  username: string,
  q: { unreadOnly?: boolean; page: number; pageSize: number },
): Promise<{ items: TaskCopyRow[]; total: number }> {
  const where = and(eq(taskCopies.username, username), q.unreadOnly ? isNull(taskCopies.readAt) : undefined);
  const items = await db
    .select()
    .from(taskCopies)
    .where(where)
    .orderBy(desc(taskCopies.createdAt), desc(taskCopies.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(taskCopies).where(where);
  return { items, total: n };
}

export async function countCopies(db: DbOrTx, username: string): Promise<{ all: number; unread: number }> {
  const [all] = await db.select({ n: count() }).from(taskCopies).where(eq(taskCopies.username, username));
  const [unread] = await db
    .select({ n: count() })
    .from(taskCopies)
    .where(and(eq(taskCopies.username, username), isNull(taskCopies.readAt)));
  return { all: all.n, unread: unread.n };
}

/** Marks some (ids) or all of one person's copies read; others' rows are untouched. */
export async function markCopiesRead(
  db: DbOrTx,
  username: string,
  at: Date,
  ids?: string[],
): Promise<number> {
  const done = await db
    .update(taskCopies)
    .set({ readAt: at })
    .where(
      and(
        eq(taskCopies.username, username),
        isNull(taskCopies.readAt),
        ids ? inArray(taskCopies.id, ids) : undefined,
      ),
    )
    .returning({ id: taskCopies.id });
  return done.length;
}

/** A person copied on an instance may read it (its page and history), whatever their unit. */
export async function wasCopied(db: DbOrTx, instanceId: string, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: taskCopies.id })
    .from(taskCopies)
    .where(and(eq(taskCopies.instanceId, instanceId), eq(taskCopies.username, username)))
    .limit(1);
  return row !== undefined;
}
