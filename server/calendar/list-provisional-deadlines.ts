/**
 * @module The provisional deadlines an administrator settles by loading a year: each open task with a provisional
 * deadline and the years between its start and its deadline whose official schedule is missing.
 */
import { chinaDateOf, type WorkdayCalendar } from '../../engine/calendar';
import type { DbOrTx } from '../../platform/db/db';
import { listOpenProvisionalTasks, type ProvisionalTaskRow } from './provisional-store';

export interface ProvisionalDeadline extends ProvisionalTaskRow {
  /** Years counted through that the calendar does not know, ascending (usually just the deadline's year). */
  missingYears: number[];
}

const yearOf = (d: Date) => Number(chinaDateOf(d.toISOString()).slice(0, 4));

export function missingYearsBetween(calendar: WorkdayCalendar, from: Date, to: Date): number[] {
  const years: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!calendar.knows(y)) years.push(y);
  return years;
}

export async function listProvisionalDeadlines(db: DbOrTx, calendar: WorkdayCalendar, limit = 200) {
  const { items, total } = await listOpenProvisionalTasks(db, limit);
  const withYears: ProvisionalDeadline[] = items.map((t) => ({
    ...t,
    missingYears: missingYearsBetween(calendar, t.createdAt, t.dueAt),
  }));
  return {
    items: withYears,
    total,
    missingYears: [...new Set(withYears.flatMap((t) => t.missingYears))].sort((a, b) => a - b),
  };
}
