/** @module A per-call memo of working days between two China dates: statistics ask the same date pairs thousands of times. */
import { chinaDateOf, type WorkdayCalendar } from '../../engine/calendar';

/** `workdaysBetween` depends only on the two China dates, so results are cached by that pair. */
export function memoWorkdaysBetween(calendar: WorkdayCalendar): (fromIso: string, toIso: string) => number {
  const cache = new Map<string, number>();
  return (fromIso, toIso) => {
    const key = `${chinaDateOf(fromIso)}|${chinaDateOf(toIso)}`;
    let days = cache.get(key);
    if (days === undefined) {
      days = calendar.workdaysBetween(fromIso, toIso).days;
      cache.set(key, days);
    }
    return days;
  };
}
