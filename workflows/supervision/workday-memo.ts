/** @module Per-call memos of working days: statistics and the overdue list ask the same China dates many times. */
import type { WorkdayCalendar } from '../../engine/calendar';

/** The China date (UTC+8, no daylight saving) of an instant, without parsing a string per row. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `workdaysBetween` of two China dates (`YYYY-MM-DD`), cached by the pair. */
export function memoWorkdaysBetween(calendar: WorkdayCalendar): (fromDay: string, toDay: string) => number {
  const cache = new Map<string, number>();
  return (fromDay, toDay) => {
    const key = `${fromDay}|${toDay}`;
    let days = cache.get(key);
    if (days === undefined) {
      days = calendar.workdaysBetween(fromDay, toDay).days;
      cache.set(key, days);
    }
    return days;
  };
}
