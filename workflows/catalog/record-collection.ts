/** @module 归集 (三(四)): record that an entry's data was collected into the county platform, and move its next deadline. */
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import type { Actor } from './actor';
import { catalogCollections, catalogEntries } from './schema';
import { nextCollectionDue } from './update-cycle';

export interface CollectionInput {
  /** When the data was collected (default: now); never in the future. */
  at?: Date;
  records?: number;
  note?: string;
}

/** A collection a few seconds ahead of the server (another machine's clock) is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

const mayCollect = (actor: Actor, unitId: string) =>
  actor.roles.includes('platform.collector') ||
  (actor.roles.includes('unit.cataloguer') && actor.unitId === unitId);

export async function recordCollection(
  db: DbOrTx,
  actor: Actor,
  entryId: string,
  input: CollectionInput,
  now: Date,
) {
  const at = input.at ?? now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('BAD_REQUEST', '归集时间不能晚于当前时间', {
      messageEn: 'The collection time cannot be in the future',
    });
  // One transaction with the entry row locked: two collections at once both land, and the later `at` wins.
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .select()
      .from(catalogEntries)
      .where(eq(catalogEntries.id, entryId))
      .for('update');
    if (!entry) throw new AppError('NOT_FOUND', '目录条目不存在', { messageEn: 'Catalog entry not found' });
    if (!mayCollect(actor, entry.unitId))
      throw new AppError('FORBIDDEN', '只有本单位的目录编制员或数据归集员可以登记归集', {
        messageEn: "Only the entry's unit's cataloguer or a data collector may record a collection",
      });
    if (entry.status === 'retired')
      throw new AppError('CONFLICT', `目录条目 ${entry.code} 已注销，不能登记归集`, {
        messageEn: `Entry ${entry.code} is retired`,
      });
    const [row] = await tx
      .insert(catalogCollections)
      .values({
        entryId,
        unitId: entry.unitId,
        at,
        records: input.records ?? null,
        note: input.note?.trim() || null,
        recordedBy: actor.username,
      })
      .returning();
    // A late-recorded older collection is history only; it never moves the deadline back.
    const last = entry.lastCollectedAt && entry.lastCollectedAt > at ? entry.lastCollectedAt : at;
    const due = nextCollectionDue(last, entry.updateCycle);
    await tx
      .update(catalogEntries)
      .set({ lastCollectedAt: last, nextCollectionDue: due, staleRemindedAt: null })
      .where(eq(catalogEntries.id, entryId));
    return { ...row, lastCollectedAt: last, nextCollectionDue: due };
  });
}

/** The entry's latest collections, newest first (the entry page shows them). */
export async function listCollections(db: DbOrTx, entryId: string, limit = 50) {
  return db
    .select()
    .from(catalogCollections)
    .where(eq(catalogCollections.entryId, entryId))
    .orderBy(desc(catalogCollections.at), desc(catalogCollections.id))
    .limit(limit);
}
