/** @module Tests for ui/pages/dashboard/default-period: the default period follows China's calendar, not the browser's zone. */
import { describe, expect, it } from 'vitest';
import { chinaIsoDate, defaultPeriod } from './default-period';

describe('defaultPeriod', () => {
  it('given midday in China, when computed, then it runs from the 1st of the month to today', () => {
    expect(defaultPeriod(new Date('2026-11-27T12:00:00+08:00'))).toEqual({
      from: '2026-11-01',
      to: '2026-11-27',
    });
  });

  it('given 07:59 China time (still the previous day in UTC), when computed, then today is the China date', () => {
    // 2026-11-27T23:59Z: a UTC browser's local date is the 27th, China is on the 28th
    expect(defaultPeriod(new Date('2026-11-28T07:59:00+08:00'))).toEqual({
      from: '2026-11-01',
      to: '2026-11-28',
    });
  });

  it('given the first hours of a China month, when computed, then the period is that new month, not the last', () => {
    expect(defaultPeriod(new Date('2026-12-01T01:00:00+08:00'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-01',
    });
    expect(defaultPeriod(new Date('2027-01-01T00:00:00+08:00'))).toEqual({
      from: '2027-01-01',
      to: '2027-01-01',
    });
  });

  it('given the last instant of a China day, when computed, then it is still that day', () => {
    expect(chinaIsoDate(new Date('2026-11-30T23:59:59.999+08:00'))).toBe('2026-11-30');
    expect(defaultPeriod(new Date('2026-11-30T23:59:59.999+08:00'))).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });
});
