/** @module 更新超期: active entries whose next collection is past due, for supervision and for the owner unit. */
import { and, asc, count, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { units } from '../../identity/schema';
import { type Actor, isAuthority } from './actor';
import { catalogEntries } from './schema';

export interface StaleEntry {
  entryId: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
  updateCycle: string | null;
  lastCollectedAt: string | null;
  dueAt: string;
}

/**
 * Which unit the caller may read: supervision and the authority any (or the one asked for); a unit's leader and
 * cataloguer only their own, whatever they ask for; anyone else nothing.
 */
export function staleScope(actor: Actor, unitId?: string): string | undefined {
  if (isAuthority(actor)) return unitId;
  if (actor.unitId && actor.roles.some((r) => r === 'unit.leader' || r === 'unit.cataloguer'))
    return actor.unitId;
  throw new AppError('FORBIDDEN', '无权查看更新超期的目录条目', {
    messageEn: 'You may not read the stale-entries list',
  });
}

/** Most overdue first; one indexed range on `next_collection_due` (partial index on active entries). */
export async function listStaleEntries(
  db: DbOrTx,
  now: Date,
  opts: { unitId?: string; limit?: number; offset?: number } = {},
): Promise<{ items: StaleEntry[]; total: number }> {
  const e = catalogEntries;
  const where = and(
    eq(e.status, 'active'),
    lt(e.nextCollectionDue, now),
    opts.unitId ? eq(e.unitId, opts.unitId) : undefined,
  );
  // One after another: the bulletin worker reads this inside its job's transaction (one connection).
  const rows = await db
    .select({
      entryId: e.id,
      code: e.code,
      name: e.resourceName,
      unitId: e.unitId,
      unitName: units.name,
      updateCycle: e.updateCycle,
      lastCollectedAt: e.lastCollectedAt,
      dueAt: e.nextCollectionDue,
    })
    .from(e)
    .innerJoin(units, eq(units.id, e.unitId))
    .where(where)
    .orderBy(asc(e.nextCollectionDue), asc(e.code))
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0);
  const [{ n }] = await db.select({ n: count() }).from(e).where(where);
  return {
    total: n,
    items: rows.map((r) => ({
      ...r,
      lastCollectedAt: r.lastCollectedAt?.toISOString() ?? null,
      dueAt: (r.dueAt as Date).toISOString(),
    })),
  };
}

/** Stale entries per unit at `now`, for `entriesStale` in the statistics. */
export async function countStaleByUnit(db: DbOrTx, now: Date): Promise<Map<string, number>> {
  const e = catalogEntries;
  const rows = await db
    .select({ unitId: e.unitId, n: count() })
    .from(e)
    .where(and(eq(e.status, 'active'), lt(e.nextCollectionDue, now)))
    .groupBy(e.unitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}
