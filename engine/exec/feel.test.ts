/** @module The FEEL memo: same expression and inputs give the same answer; clock-dependent expressions are never memoised. */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar';
import { evaluateFeel } from './feel';

const env = (now: string) => ({ now, calendar: defaultCalendar });

describe('evaluateFeel memo', () => {
  it('given different values of the same variable, when evaluated, then each gets its own result', () => {
    expect(evaluateFeel('=approved = true', { approved: true }, env('2026-01-01T00:00:00Z'))).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluateFeel('=approved = true', { approved: false }, env('2026-01-01T00:00:00Z'))).toEqual({
      ok: true,
      value: false,
    });
    expect(evaluateFeel('=approved = true', {}, env('2026-01-01T00:00:00Z')).ok).toBe(false);
  });

  it('given an expression reading the clock, when the clock moves, then the result follows it', () => {
    const a = evaluateFeel('=string(now())', {}, env('2026-01-01T00:00:00Z'));
    const b = evaluateFeel('=string(now())', {}, env('2026-02-01T00:00:00Z'));
    expect(a).not.toEqual(b);
  });
});
