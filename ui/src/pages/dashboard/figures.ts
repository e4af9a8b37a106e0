/** @module ui/pages/dashboard/figures: the dashboard's derived figures, pure so that tests pin them down (#17). */
import type { UnitStats } from '../../api';

/**
 * 按期整改率: an item overdue and not yet rectified is already late, so it counts against the rate (it showed 100%
 * while one item was overdue when only rectified items counted). Null when there is nothing to rate.
 */
export function onTimeRate(onTime: number, rectified: number, overdueNow: number): number | null {
  const due = rectified + overdueNow;
  return due ? Math.round((onTime / due) * 100) : null;
}

const ACTIVITY: (keyof UnitStats)[] = [
  'problemsReceived',
  'problemsRectified',
  'overdueNow',
  'reworkRounds',
  'entriesRegistered',
  'entriesChanged',
  'entriesReturned',
];

/** Units with anything in the period first (the table a supervisor reads); the quiet ones are folded away. */
export function splitByActivity(stats: UnitStats[]): { active: UnitStats[]; quiet: UnitStats[] } {
  const busy = (s: UnitStats) => ACTIVITY.some((k) => Number(s[k]) > 0);
  return { active: stats.filter(busy), quiet: stats.filter((s) => !busy(s)) };
}

/** The trend's x labels: each week by its Monday, except the first, which starts where the period starts. */
export function weekLabels(weekStarts: string[], from: string): string[] {
  return weekStarts.map((w) => (w < from ? from : w).slice(5));
}
