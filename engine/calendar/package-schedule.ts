/**
 * @module The official schedules shipped in the `chinese-days` package, read from its date-keyed JSON.
 * We read the data rather than call its functions because those parse dates in the server's local time zone
 * and shift by a day west of UTC, and because they answer Monday-to-Friday for years they do not know.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { YearSchedule } from './types';

interface PackageData {
  /** Date -> "English name,中文名,days": every day off in a holiday period, weekends included. */
  holidays: Record<string, string>;
  /** Date -> name: weekend days that are working days (调休 make-up days). */
  workdays: Record<string, string>;
}

const pkg = data as unknown as PackageData;

function byYear(dates: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const d of dates.sort()) {
    const y = Number(d.slice(0, 4));
    out.set(y, [...(out.get(y) ?? []), d]);
  }
  return out;
}

const holidaysByYear = byYear(Object.keys(pkg.holidays));
const makeupByYear = byYear(Object.keys(pkg.workdays));

/**
 * Years the package really knows: those for which it lists holidays. Every official year has at least
 * New Year's Day, so a year without any listed holiday is one the package has no notice for
 * (2027 in chinese-days 1.5.7, even though its `isWorkday('2027-01-01')` answers true).
 */
export function packageYears(): number[] {
  return [...holidaysByYear.keys()].sort((a, b) => a - b);
}

/** The package's schedule for one year (for `GET /api/calendar/{year}` with source "package"), or null. */
export function packageSchedule(year: number): YearSchedule | null {
  const holidays = holidaysByYear.get(year);
  if (!holidays) return null;
  return { year, holidays: [...holidays], makeupWorkdays: [...(makeupByYear.get(year) ?? [])] };
}
