/**
 * @module ui/components/workdays: how many working days a task has left or is overdue, on the official calendar (docs/api.md
 * "Calendar"), counted like the server's supervision list: the working days after the due date (China time) up to
 * and including today. Deadlines end at 23:59:59 +08:00, so "due yesterday" on a working day is 1 day overdue.
 */
import { request } from '../api';

export interface CalendarYear {
  year: number;
  source: 'package' | 'admin' | 'none';
  holidays: string[];
  makeupWorkdays: string[];
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD of an instant in China time. */
export function chinaDate(at: string | Date): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A year the calendar does not know counts Monday to Friday (the server marks such deadlines provisional). */
function isWorkday(date: string, years: ReadonlyMap<number, CalendarYear>): boolean {
  const year = years.get(Number(date.slice(0, 4)));
  if (year?.makeupWorkdays.includes(date)) return true;
  if (year?.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days in (due date, today]; 0 when not yet past. */
export function overdueWorkdays(dueAt: string, now: Date, years: ReadonlyMap<number, CalendarYear>): number {
  const end = chinaDate(now);
  let days = 0;
  for (let d = nextDay(chinaDate(dueAt)); d <= end; d = nextDay(d)) if (isWorkday(d, years)) days++;
  return days;
}

/**
 * Working days left, today included, up to and including the due date (China time): a task due tonight on a working
 * day has 1 left, one due on Friday counted on Thursday 2; 0 once the due date is past or when none is left.
 */
export function remainingWorkdays(
  dueAt: string,
  now: Date,
  years: ReadonlyMap<number, CalendarYear>,
): number {
  const end = chinaDate(dueAt);
  let days = 0;
  for (let d = chinaDate(now); d <= end; d = nextDay(d)) if (isWorkday(d, years)) days++;
  return days;
}

/** The years a count from `dueAt` to `now` touches (at most a few: tasks are not years overdue). */
export function yearsBetween(dueAt: string, now: Date): number[] {
  const [from, to] = [Number(chinaDate(dueAt).slice(0, 4)), Number(chinaDate(now).slice(0, 4))].sort(
    (a, b) => a - b,
  );
  const out: number[] = [];
  for (let y = from; y <= to && out.length < 5; y++) out.push(y);
  return out;
}

const cache = new Map<number, Promise<CalendarYear>>();

/** GET /api/calendar/{year}, once per year for the page's life. */
export function calendarYear(year: number): Promise<CalendarYear> {
  let found = cache.get(year);
  if (!found) {
    found = request<CalendarYear>(`/calendar/${year}`);
    found.catch(() => cache.delete(year));
    cache.set(year, found);
  }
  return found;
}
