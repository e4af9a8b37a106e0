/** @module 更新周期 (三(四)): when an entry's next collection into the county platform falls due. */
import { chinaDateOf, endOfChinaDay } from '../../engine/calendar/dates';

/** Calendar steps per cycle (docs/api.md): 实时 counts as 每日; 不定期 (irregular) never falls due. */
const STEPS: Record<string, { days?: number; months?: number }> = {
  realtime: { days: 1 },
  daily: { days: 1 },
  weekly: { days: 7 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
  halfyearly: { months: 6 },
  yearly: { months: 12 },
};

export const UPDATE_CYCLE_LABELS: Record<string, string> = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  halfyearly: '每半年',
  yearly: '每年',
  irregular: '不定期',
};

/** Adds months to a YYYY-MM-DD date, clamping to the month's last day (01-31 + 1 month = 02-28), as PostgreSQL does. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The next collection's deadline: the China date of `from` (the last collection, or the publication) plus the
 * cycle, at 23:59:59 China time. Null for 不定期 or an unknown cycle: such entries never become stale.
 */
export function nextCollectionDue(from: Date, cycle: string | null | undefined): Date | null {
  const step = cycle ? STEPS[cycle] : undefined;
  if (!step) return null;
  const day = chinaDateOf(from.toISOString());
  const due = step.months
    ? addMonths(day, step.months)
    : new Date(Date.parse(`${day}T00:00:00Z`) + (step.days ?? 0) * 86_400_000).toISOString().slice(0, 10);
  return new Date(endOfChinaDay(due));
}
