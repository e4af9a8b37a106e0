/** @module The dashboard's weekly trend (周趋势): problems received, rectified and rectified late per China week. */
import { AppError } from '../../platform/errors';
import type { DbOrTx } from '../../platform/db/db';
import { type Period, periodBounds } from './stats';
import * as store from './store';

export interface TrendWeek {
  /** The Monday that starts the week, a China date. */
  weekStart: string;
  received: number;
  rectified: number;
  /** Of `rectified`, those not on time. */
  rectifiedLate: number;
}

/** A line chart of more than two years of weeks is unreadable, and the scan would be unbounded. */
const MAX_DAYS = 2 * 366;
const DAY = 86_400_000;

/** The Monday on or before a China date. */
function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
}

/**
 * Every week touching the period, empty ones included (a line needs its zeros); only problems within the period
 * count, so a partial first or last week counts just its days in the period.
 */
export async function computeTrend(db: DbOrTx, period: Period): Promise<TrendWeek[]> {
  const { start, end } = periodBounds(period);
  if ((end.getTime() - start.getTime()) / DAY > MAX_DAYS) {
    throw new AppError('BAD_REQUEST', '统计期间不能超过两年', {
      messageEn: 'The period cannot exceed two years',
    });
  }
  const { received, archived } = await store.problemsByWeekIn(db, start, end);
  const weeks = new Map<string, TrendWeek>();
  for (let d = mondayOf(period.from); d <= period.to; ) {
    weeks.set(d, { weekStart: d, received: 0, rectified: 0, rectifiedLate: 0 });
    d = new Date(new Date(`${d}T00:00:00Z`).getTime() + 7 * DAY).toISOString().slice(0, 10);
  }
  for (const r of received) {
    const w = weeks.get(r.weekStart);
    if (w) w.received = r.n;
  }
  for (const r of archived) {
    const w = weeks.get(r.weekStart);
    if (w) {
      w.rectified = r.n;
      w.rectifiedLate = r.late;
    }
  }
  return [...weeks.values()];
}

/** The dashboard's "open problems" KPI: everything received and not yet closed, whatever the period. */
export const countOpenProblems = (db: DbOrTx): Promise<number> => store.countOpenProblems(db);
