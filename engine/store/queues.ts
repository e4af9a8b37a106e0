/**
 * @module Claiming due timers and ready jobs across server processes: `FOR UPDATE SKIP LOCKED` hands each row
 * to one claimer, a lease (`claimed_until` / `locked_until`, wall-clock time) lets a crashed claimer's rows return.
 */
import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/db';
import { rawQuery } from '../../platform/db/raw';
import { type JobRow, jobs, type TimerRow, timers } from './schema';

export async function claimDueTimers(
  db: Db,
  now: Date,
  lease: { now: Date; until: Date },
  limit: number,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: timers.id })
      .from(timers)
      .where(
        and(
          eq(timers.status, 'scheduled'),
          lte(timers.dueAt, now),
          or(isNull(timers.claimedUntil), lt(timers.claimedUntil, lease.now)),
        ),
      )
      .orderBy(asc(timers.dueAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    const ids = rows.map((r) => r.id);
    if (ids.length > 0)
      await tx.update(timers).set({ claimedUntil: lease.until }).where(inArray(timers.id, ids));
    return ids;
  });
}

/** Row-locks one timer for the firing transaction; a concurrent firer waits here, then sees it fired. */
export async function lockTimer(tx: DbOrTx, id: string): Promise<TimerRow | undefined> {
  const [row] = await tx.select().from(timers).where(eq(timers.id, id)).for('update');
  return row;
}

export async function finishTimer(
  tx: DbOrTx,
  id: string,
  next: { dueAt: Date; repetitionsLeft: number | null } | null,
): Promise<void> {
  if (next) {
    await tx
      .update(timers)
      .set({ dueAt: next.dueAt, repetitionsLeft: next.repetitionsLeft, claimedUntil: null })
      .where(eq(timers.id, id));
  } else {
    await tx.update(timers).set({ status: 'fired', claimedUntil: null }).where(eq(timers.id, id));
  }
}

/**
 * Leases up to `limit` ready jobs of the given types, oldest first, skipping rows another process holds: one
 * statement, so it needs no transaction of its own.
 */
export async function claimReadyJobs(
  db: Db,
  now: Date,
  lease: { now: Date; until: Date; owner: string },
  types: string[],
  limit: number,
): Promise<string[]> {
  if (types.length === 0) return [];
  const rows = await rawQuery<{ id: string }>(
    db,
    `update jobs set locked_until = $1::timestamptz, lock_owner = $2::text, updated_at = now()
     where id in (select id from jobs where status = 'ready' and next_run_at <= $3::timestamptz
       and type = any($4::text::text[]) and (locked_until is null or locked_until < $5::timestamptz)
       order by next_run_at limit $6::int for update skip locked)
     returning id`,
    [
      lease.until.toISOString(),
      lease.owner,
      now.toISOString(),
      makeTextArray(types),
      lease.now.toISOString(),
      limit,
    ],
    'huiliu_claim_jobs',
  );
  return rows.map((r) => r.id);
}

/** A text[] literal ('{"a","b"}'), so both drivers pass the array as one text parameter. */
const makeTextArray = (values: string[]) =>
  `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;

export async function lockJob(tx: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
  return row;
}

export async function getJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

export async function updateJob(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof jobs.$inferInsert>,
): Promise<void> {
  await tx.update(jobs).set(patch).where(eq(jobs.id, id));
}
