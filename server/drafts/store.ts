/** @module Drafts store: read, write (upsert) and remove a user's 暂存 of a task or start form. */
import { and, eq, like, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/db';
import { formDrafts } from './schema';

export type DraftKind = 'task' | 'start';
export interface DraftKey {
  userId: string;
  kind: DraftKind;
  ref: string;
}
export interface Draft {
  data: Record<string, unknown>;
  updatedAt: Date;
}

const keyOf = (k: DraftKey) =>
  and(eq(formDrafts.userId, k.userId), eq(formDrafts.kind, k.kind), eq(formDrafts.ref, k.ref));

export async function readDraft(db: Db, key: DraftKey): Promise<Draft | undefined> {
  const [row] = await db
    .select({ data: formDrafts.data, updatedAt: formDrafts.updatedAt })
    .from(formDrafts)
    .where(keyOf(key));
  return row;
}

export async function saveDraft(
  db: Db,
  key: DraftKey,
  data: Record<string, unknown>,
  now: Date,
): Promise<Draft> {
  await db
    .insert(formDrafts)
    .values({ ...key, data, updatedAt: now })
    .onConflictDoUpdate({
      target: [formDrafts.kind, formDrafts.ref, formDrafts.userId],
      set: { data, updatedAt: now },
    });
  return { data, updatedAt: now };
}

export async function removeDraft(db: Db, key: DraftKey): Promise<boolean> {
  const gone = await db.delete(formDrafts).where(keyOf(key)).returning({ ref: formDrafts.ref });
  return gone.length > 0;
}

/** A completed task's drafts (anyone's: a candidate may have written one before another completed it) go with it. */
export async function removeTaskDrafts(db: Db, taskId: string): Promise<void> {
  await db.delete(formDrafts).where(and(eq(formDrafts.kind, 'task'), eq(formDrafts.ref, taskId)));
}

/** A start draft is per process (`catalog-registration`) or per process and entry (`catalog-change:<entryId>`). */
export const processKeyOfStartRef = (ref: string) => ref.split(':')[0];

/** Starting a process removes the starter's drafts of its start form, for any entry. */
export async function removeStartDrafts(db: Db, userId: string, processKey: string): Promise<void> {
  await db
    .delete(formDrafts)
    .where(
      and(
        eq(formDrafts.userId, userId),
        eq(formDrafts.kind, 'start'),
        or(eq(formDrafts.ref, processKey), like(formDrafts.ref, `${processKey.replace(/[\\%_]/g, '\\$&')}:%`)),
      ),
    );
}
