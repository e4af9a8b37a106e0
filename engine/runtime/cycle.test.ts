/** @module ISO 8601 durations and cycles for timers. */
import { describe, expect, it } from 'vitest';
import { nextCycleDue, parseCycle, parseDuration } from './cycle';

describe('cycles', () => {
  it('parses durations and rejects nonsense', () => {
    expect(parseDuration('P1DT2H')).toMatchObject({ days: 1, hours: 2 });
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('1 day')).toBeNull();
  });

  it('given R3/PT1H, then it fires three times in all', () => {
    expect(parseCycle('R3/PT1H')).toMatchObject({ repetitions: 3, start: null });
    const t0 = new Date('2026-01-01T00:00:00Z');
    const n1 = nextCycleDue('R3/PT1H', t0, null, t0);
    expect(n1).toEqual({ dueAt: new Date('2026-01-01T01:00:00Z'), repetitionsLeft: 2 });
    const n2 = nextCycleDue('R3/PT1H', n1!.dueAt, n1!.repetitionsLeft, n1!.dueAt);
    expect(n2?.repetitionsLeft).toBe(1);
    expect(nextCycleDue('R3/PT1H', n2!.dueAt, n2!.repetitionsLeft, n2!.dueAt)).toBeNull();
  });

  it('given a long downtime, then a missed unbounded cycle fires once and resumes in the future', () => {
    const due = new Date('2026-01-01T00:00:00Z');
    const now = new Date('2026-01-05T12:00:00Z');
    expect(nextCycleDue('R/P1D', due, null, now)).toEqual({
      dueAt: new Date('2026-01-06T00:00:00Z'),
      repetitionsLeft: null,
    });
  });
});
