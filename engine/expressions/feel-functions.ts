/**
 * @module The functions huiliu adds to FEEL: `now()` and `today()` from the engine's clock (feelin's own read
 * the system clock, which would break the test clock and replays) and `workday(from, n)` on the official calendar.
 */
import { FeelDate, FeelDateTime, dateAndTime, parseDate } from 'feelin';
import { CHINA_OFFSET, chinaDateOf, type WorkdayCalendar } from '../calendar';
import { dateTimeToIso } from './to-json';

export interface FeelEnv {
  /** The engine clock's now (ISO date-time), carried in the step's event so evaluation stays pure. */
  now: string;
  calendar: WorkdayCalendar;
}

/** Side results of one evaluation that are not part of the FEEL value. */
export interface EvalTrace {
  provisional: boolean;
}

/** `2026-11-28T03:04:05.006+08:00`: the instant in China time, so `date(now())` is the China date. */
export function toChinaIso(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`env.now is not an ISO date-time: ${JSON.stringify(iso)}`);
  const local = new Date(ms + 8 * 3600_000).toISOString().slice(0, -1);
  return `${local.endsWith('.000') ? local.slice(0, -4) : local}${CHINA_OFFSET}`;
}

function instantArg(from: unknown): string {
  if (from instanceof FeelDateTime) return dateTimeToIso(from);
  if (from instanceof FeelDate) return from.iso;
  if (typeof from === 'string') return from;
  if (from instanceof Date) return from.toISOString();
  throw new TypeError(
    `workday(from, n): from must be a date, date and time or ISO string, got ${from === null ? 'null' : typeof from}`,
  );
}

/** Named so feelin also accepts named arguments (`workday(from: x, n: 5)`) even if the code is minified. */
function named<F extends (...args: any[]) => unknown>(fn: F, args: string[]): F {
  return Object.assign(fn, { $args: args });
}

export function feelFunctions(env: FeelEnv, trace: EvalTrace): Record<string, unknown> {
  const nowIso = toChinaIso(env.now);
  return {
    now: named(() => dateAndTime(nowIso), []),
    today: named(() => parseDate(chinaDateOf(nowIso)), []),
    workday: named(
      (from: unknown, n: unknown) => {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
          throw new TypeError(
            `workday(from, n): n must be a whole number of working days >= 0, got ${JSON.stringify(n)}`,
          );
        }
        const { dueAt, provisional } = env.calendar.addWorkdays(instantArg(from), n);
        if (provisional) trace.provisional = true;
        return dateAndTime(dueAt);
      },
      ['from', 'n'],
    ),
  };
}
