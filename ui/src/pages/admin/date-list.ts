/**
 * @module ui/pages/admin/date-list: reads the dates an administrator types or pastes for a year's schedule
 * (single days and `a~b` runs, separated by lines, spaces or commas) and writes them back as compact runs.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A real calendar date as `YYYY-MM-DD`, or undefined (2027-02-30 is not one). Works in UTC so no zone shifts it. */
export function normalizeDate(s: string): string | undefined {
  const m = DATE_RE.exec(s.trim().replaceAll('/', '-').replaceAll('.', '-'));
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const iso = d.toISOString().slice(0, 10);
  return Number(iso.slice(5, 7)) === Number(m[2]) && Number(iso.slice(8)) === Number(m[3]) ? iso : undefined;
}

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export interface ParsedDates {
  dates: string[];
  /** The pieces that were not understood, as typed. */
  invalid: string[];
}

/** Runs longer than this are a typo (a year instead of a month), not a holiday. */
const MAX_RUN = 31;

export function parseDateList(text: string): ParsedDates {
  const dates = new Set<string>();
  const invalid: string[] = [];
  const tokens = text
    .replace(/\s*(~|～|至|到)\s*/g, '~')
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  for (const token of tokens) {
    const [a, b, ...rest] = token.split('~');
    const from = a ? normalizeDate(a) : undefined;
    const to = b === undefined ? from : normalizeDate(b);
    if (!from || !to || rest.length || to < from) {
      invalid.push(token);
      continue;
    }
    const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
    if (days >= MAX_RUN) {
      invalid.push(token);
      continue;
    }
    for (let i = 0; i <= days; i++) dates.add(addDays(from, i));
  }
  return { dates: [...dates].sort(), invalid };
}

/** Consecutive dates grouped: `['2027-10-01', '2027-10-02', '2027-10-05']` → `[['2027-10-01','2027-10-02'], ['2027-10-05','2027-10-05']]`. */
export function toRuns(dates: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const d of [...dates].sort()) {
    const last = runs.at(-1);
    if (last && addDays(last[1], 1) === d) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

/** The text the editor starts from: one run per line. */
export function formatDateList(dates: readonly string[]): string {
  return toRuns(dates)
    .map(([a, b]) => (a === b ? a : `${a}~${b}`))
    .join('\n');
}

export function daysInRun([a, b]: [string, string]): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS) + 1;
}
