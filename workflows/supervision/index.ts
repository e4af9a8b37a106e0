/** @module Public face of supervision (督办与通报): overdue list, per-unit statistics, bulletins and their workbook. */
import type { WorkdayCalendar } from '../../engine/calendar';
import type { DbOrTx } from '../../platform/db/db';
import { listStaleEntries } from '../catalog/stale-entries';
import { buildBulletinWorkbook, type StaleSnapshot } from './bulletin-workbook';
import { concurrently } from './concurrently';
import { computeStats, listOverdue, type OverdueItem, type Period, type UnitStats } from './stats';
import { findBulletin } from './store';

export { type BulletinExtras, buildBulletinWorkbook, type StaleSnapshot } from './bulletin-workbook';
export { type BulletinView, getBulletin, readableBulletins } from './bulletin-view';
export { bulletins } from './schema';
export {
  computeStats,
  listOverdue,
  type OverdueItem,
  type Period,
  periodBounds,
  previousMonth,
  type UnitStats,
} from './stats';
export { findBulletin, listBulletins } from './store';
export { computeTrend, countOpenProblems, type TrendWeek } from './trend';
export { createSupervisionWorkers } from './workers';

/** The workbook for `GET /api/supervision/bulletin.xlsx?from=&to=`: statistics of the period and today's overdue list. */
export async function bulletinWorkbookForPeriod(
  db: DbOrTx,
  calendar: WorkdayCalendar,
  period: Period,
  now: Date,
): Promise<Buffer> {
  const [stats, overdue, stale] = await concurrently(db, [
    () => computeStats(db, calendar, period, now),
    () => listOverdue(db, calendar, now),
    () => listStaleEntries(db, now, { limit: 1000 }),
  ]);
  return buildBulletinWorkbook(stats, overdue, period, now, { stale });
}

/** The workbook of a prepared (or published) bulletin, from its frozen figures. */
export async function bulletinWorkbookById(db: DbOrTx, id: string): Promise<Buffer | undefined> {
  const row = await findBulletin(db, id);
  if (!row) return undefined;
  const period = { from: row.periodFrom, to: row.periodTo };
  return buildBulletinWorkbook(
    row.stats as unknown as UnitStats[],
    row.overdue as unknown as OverdueItem[],
    period,
    row.createdAt,
    { stale: row.stale as unknown as StaleSnapshot | null, summary: row.summary },
  );
}
