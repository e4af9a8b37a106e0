/**
 * @module The engine's one injectable clock (docs/architecture.md, "Time"). Production uses the system clock;
 * the test clock (HUILIU_TEST_CLOCK=1) can be set forwards or backwards and keeps ticking from there.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface TestClock extends Clock {
  /** Jump to `date`; real time elapsed since then is added, so the clock keeps ticking. */
  set(date: Date): void;
  /** Move forward (or back, with a negative value) by `ms` milliseconds. */
  advance(ms: number): void;
  /** The current time, as `now()`. */
  get(): Date;
}

/**
 * A settable clock. Elapsed time is measured with the monotonic `performance.now()`, so a system
 * clock adjustment (NTP) does not make the test clock jump.
 */
export function createTestClock(start: Date = new Date()): TestClock {
  let base = start.getTime();
  let setAt = performance.now();
  const now = () => new Date(base + (performance.now() - setAt));
  const set = (date: Date) => {
    if (Number.isNaN(date.getTime())) throw new RangeError('test clock: invalid date');
    base = date.getTime();
    setAt = performance.now();
  };
  return {
    now,
    get: now,
    set,
    advance: (ms) => set(new Date(now().getTime() + ms)),
  };
}
