/**
 * @module 更新提醒 (三(四)): on the first working day after an entry's collection deadline, at 09:00 China time, the
 * unit's cataloguers are told; again every 5 working days while it stays stale. Safe with several server processes:
 * each batch claims its rows `FOR UPDATE SKIP LOCKED` and marks them reminded in the same transaction, so a row is
 * reminded by exactly one process and a late or repeated run sends nothing twice.
 */
import { and, asc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { WorkdayCalendar } from '../../engine/calendar';
import { chinaDateOf } from '../../engine/calendar/dates';
import type { Db } from '../../platform/db/db';
import { sendNotification } from '../notifications/store';
import { catalogEntries } from './schema';

const HOUR = 3_600_000;
const BATCH = 1000;
/** Reminders repeat every this many working days while the entry stays stale. */
export const REMIND_EVERY_WORKDAYS = 5;

/** 09:00 China time on the n-th working day after the China date of `from`. */
function nineOClockAfter(calendar: WorkdayCalendar, from: Date, workdays: number): Date {
  const { dueAt } = calendar.addWorkdays(from.toISOString(), workdays);
  return new Date(`${chinaDateOf(dueAt)}T09:00:00+08:00`);
}

/** When the entry's next reminder is due: the first after its deadline, or 5 working days after the last one. */
export function nextReminderAt(calendar: WorkdayCalendar, dueAt: Date, remindedAt: Date | null): Date {
  return remindedAt && remindedAt > dueAt
    ? nineOClockAfter(calendar, remindedAt, REMIND_EVERY_WORKDAYS)
    : nineOClockAfter(calendar, dueAt, 1);
}

/** Sends the reminders due at `now`; returns how many entries and units were reminded. */
export async function remindStaleEntries(
  db: Db,
  calendar: WorkdayCalendar,
  now: Date,
): Promise<{ entries: number; units: number }> {
  const e = catalogEntries;
  let after: { due: Date; id: string } | undefined;
  let entries = 0;
  const unitsReminded = new Set<string>();
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const cursor = after;
      // A superset of what is due: the first reminder comes ≥ 9 h after the deadline, a repeat ≥ 4 days after the last.
      const rows = await tx
        .select({
          id: e.id,
          code: e.code,
          name: e.resourceName,
          unitId: e.unitId,
          due: e.nextCollectionDue,
          remindedAt: e.staleRemindedAt,
        })
        .from(e)
        .where(
          and(
            eq(e.status, 'active'),
            lt(e.nextCollectionDue, new Date(now.getTime() - 9 * HOUR)),
            or(isNull(e.staleRemindedAt), lt(e.staleRemindedAt, new Date(now.getTime() - 96 * HOUR))),
            cursor
              ? or(
                  gt(e.nextCollectionDue, cursor.due),
                  and(eq(e.nextCollectionDue, cursor.due), gt(e.id, cursor.id)),
                )
              : undefined,
          ),
        )
        .orderBy(asc(e.nextCollectionDue), asc(e.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const due = rows.filter((r) => nextReminderAt(calendar, r.due as Date, r.remindedAt) <= now);
      if (due.length > 0) {
        await tx
          .update(e)
          .set({ staleRemindedAt: now })
          .where(
            inArray(
              e.id,
              due.map((r) => r.id),
            ),
          );
        const byUnit = new Map<string, typeof due>();
        for (const r of due) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
        for (const [unitId, list] of byUnit) {
          const shown = list.slice(0, 10).map((r) => `${r.code} ${r.name}`);
          await sendNotification(tx, [{ role: 'unit.cataloguer', unitId }], {
            title: `更新提醒：本单位 ${list.length} 条资源目录已超过更新周期未归集`,
            body: `请按目录的更新周期将数据归集到县数据平台并登记归集（三（四））：${shown.join('；')}${list.length > 10 ? ' 等' : ''}。`,
            link: '/catalog?stale=true',
            kind: 'reminder',
          });
          unitsReminded.add(unitId);
        }
      }
      return { rows, reminded: due.length };
    });
    entries += batch.reminded;
    const last = batch.rows.at(-1);
    if (!last || batch.rows.length < BATCH) break;
    after = { due: last.due as Date, id: last.id };
  }
  return { entries, units: unitsReminded.size };
}

/**
 * Runs `remindStaleEntries` now and then every `intervalMs` (the reminder hour is 09:00, so a few minutes late is
 * fine); returns a stop function. Failures are logged and retried on the next tick, never thrown.
 */
export function startStaleReminders(
  db: Db,
  calendar: () => WorkdayCalendar | undefined,
  now: () => Date,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    const cal = calendar();
    if (running || !cal) return;
    running = remindStaleEntries(db, cal, now())
      .catch((err) => opts.onError?.(err))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, opts.intervalMs ?? 5 * 60_000);
  first.unref?.();
  timer.unref?.();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
