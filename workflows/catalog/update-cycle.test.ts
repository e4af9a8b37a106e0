/** @module nextCollectionDue: calendar steps per cycle, at 23:59:59 China time, 实时 as 每日, 不定期 never. */
import { describe, expect, it } from 'vitest';
import { nextCollectionDue } from './update-cycle';

const due = (from: string, cycle: string) => nextCollectionDue(new Date(from), cycle)?.toISOString() ?? null;

describe('nextCollectionDue', () => {
  it('given a collection late in the China evening, when the cycle is daily, then the next China day ends it', () => {
    // 2026-03-02 23:30 China time is 15:30 UTC the same day; the China date counts, not the UTC one
    expect(due('2026-03-02T23:30:00+08:00', 'daily')).toBe('2026-03-03T15:59:59.000Z');
    expect(due('2026-03-02T00:10:00+08:00', 'realtime')).toBe('2026-03-03T15:59:59.000Z');
  });

  it('given each calendar cycle, when due is computed, then days and months are added to the China date', () => {
    expect(due('2026-03-02T10:00:00+08:00', 'weekly')).toBe('2026-03-09T15:59:59.000Z');
    expect(due('2026-03-02T10:00:00+08:00', 'monthly')).toBe('2026-04-02T15:59:59.000Z');
    expect(due('2026-03-02T10:00:00+08:00', 'quarterly')).toBe('2026-06-02T15:59:59.000Z');
    expect(due('2026-03-02T10:00:00+08:00', 'halfyearly')).toBe('2026-09-02T15:59:59.000Z');
    expect(due('2026-03-02T10:00:00+08:00', 'yearly')).toBe('2027-03-02T15:59:59.000Z');
  });

  it('given the 31st, when a month is added, then it clamps to the last day of a short month (as PostgreSQL does)', () => {
    expect(due('2026-01-31T10:00:00+08:00', 'monthly')).toBe('2026-02-28T15:59:59.000Z');
    expect(due('2027-11-30T10:00:00+08:00', 'quarterly')).toBe('2028-02-29T15:59:59.000Z');
  });

  it('given 不定期 or no cycle, when due is computed, then it never falls due', () => {
    expect(due('2026-03-02T10:00:00+08:00', 'irregular')).toBeNull();
    expect(nextCollectionDue(new Date(), null)).toBeNull();
    expect(due('2026-03-02T10:00:00+08:00', '每月')).toBeNull();
  });
});
