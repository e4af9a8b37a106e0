/**
 * @module ui/pages/dashboard/default-period: the dashboard's default period, this month so far, in China dates.
 * The server counts periods by China date (+08:00, no daylight saving); a browser on UTC between 00:00 and 08:00
 * China time would otherwise still be on yesterday (and on the 1st, in the previous month).
 */

const CHINA_OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD of an instant in China time, whatever the browser's time zone. */
export function chinaIsoDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** From the first of the current China month to today (China date), both inclusive. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const to = chinaIsoDate(now);
  return { from: `${to.slice(0, 8)}01`, to };
}
