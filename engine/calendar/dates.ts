/**
 * @module Calendar-date arithmetic on `YYYY-MM-DD` strings, independent of the process time zone.
 * Everything goes through UTC midnight so a server running in UTC, Asia/Shanghai or America/Los_Angeles
 * counts the same days (the chinese-days package itself does not: it parses in local time).
 */

/** China Standard Time has no daylight saving: a fixed +08:00 is exact for every date we handle. */
export const CHINA_OFFSET = '+08:00';
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const HAS_OFFSET_RE = /(Z|[+-]\d{2}:\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function assertDate(s: string): void {
  if (!isIsoDate(s)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(s)}`);
}

/**
 * The China-time calendar date of an instant. Accepts `YYYY-MM-DD` (taken as that China date),
 * an ISO date-time with offset, or one without offset (taken as China wall-clock time, not server time).
 */
export function chinaDateOf(value: string): string {
  if (DATE_RE.test(value)) {
    assertDate(value);
    return value;
  }
  if (!DATE_TIME_RE.test(value))
    throw new RangeError(`not an ISO date or date-time: ${JSON.stringify(value)}`);
  const iso = HAS_OFFSET_RE.test(value) ? value : `${value}${CHINA_OFFSET}`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date or date-time: ${JSON.stringify(value)}`);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  assertDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday, as `Date#getUTCDay`. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The end of a China-time day, the instant a working-day deadline falls due (docs/api.md, "Working days"). */
export function endOfChinaDay(date: string): string {
  assertDate(date);
  return `${date}T23:59:59${CHINA_OFFSET}`;
}
