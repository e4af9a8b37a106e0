/** @module ISO 8601 durations and repeating intervals (R3/PT1H, R/P1D, R2/2026-01-01T08:00:00+08:00/P1D) for timers. */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseDuration(text: string): Duration | null {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export function addDuration(from: Date, d: Duration): Date {
  const t = new Date(from.getTime());
  t.setUTCFullYear(
    t.getUTCFullYear() + d.years,
    t.getUTCMonth() + d.months,
    t.getUTCDate() + d.weeks * 7 + d.days,
  );
  return new Date(t.getTime() + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}

export interface Cycle {
  /** null = unbounded (`R/...`). */
  repetitions: number | null;
  start: Date | null;
  every: Duration;
}

export function parseCycle(text: string): Cycle | null {
  const parts = text.trim().split('/');
  const r = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!r || parts.length < 2 || parts.length > 3) return null;
  const every = parseDuration(parts[parts.length - 1] as string);
  const start = parts.length === 3 ? new Date(parts[1] as string) : null;
  if (!every || (start && Number.isNaN(start.getTime()))) return null;
  return { repetitions: r[1] === '' ? null : Number(r[1]), start, every };
}

/** After a fire at `dueAt`: the next due time, or null when the repetitions are used up. */
export function nextCycleDue(cycle: string, dueAt: Date, repetitionsLeft: number | null, now: Date) {
  const c = parseCycle(cycle);
  if (!c) return null;
  const left = repetitionsLeft === null ? c.repetitions : repetitionsLeft;
  const remaining = left === null ? null : left - 1;
  if (remaining !== null && remaining <= 0) return null;
  let next = addDuration(dueAt, c.every);
  // A server that was down for days fires a missed cycle once, not once per missed period.
  while (next <= now) next = addDuration(next, c.every);
  return { dueAt: next, repetitionsLeft: remaining };
}
