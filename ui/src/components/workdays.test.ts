/** @module Tests for ui/components/workdays: overdue working days on the official calendar, in China time. */
import { describe, expect, it } from 'vitest';
import { type CalendarYear, chinaDate, overdueWorkdays, remainingWorkdays, yearsBetween } from './workdays';

const y2026: CalendarYear = {
  year: 2026,
  source: 'package',
  // 国庆 2026: Oct 1-7 off, Sep 27 (Sun) and Oct 10 (Sat) worked.
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-09-27', '2026-10-10'],
};
const years = new Map([[2026, y2026]]);
const due = (date: string) => `${date}T23:59:59+08:00`;

describe('overdueWorkdays', () => {
  it('given a deadline not yet past, when counted, then it is 0', () => {
    expect(overdueWorkdays(due('2026-11-27'), new Date('2026-11-27T10:00:00+08:00'), years)).toBe(0);
  });

  it('given a Friday deadline, when counted on Monday, then the weekend does not count', () => {
    // 2026-11-27 is a Friday.
    expect(overdueWorkdays(due('2026-11-27'), new Date('2026-11-30T09:00:00+08:00'), years)).toBe(1);
  });

  it('given the National Day holiday, when counted across it, then holidays skip and the make-up Saturday counts', () => {
    // Due Wed Sep 30; by Sat Oct 10: Oct 1-7 holidays/weekend, Oct 8 (Thu) and 9 (Fri) work, Oct 10 make-up day.
    expect(overdueWorkdays(due('2026-09-30'), new Date('2026-10-10T18:00:00+08:00'), years)).toBe(3);
  });

  it('given an instant late in the UTC day, when dated, then China time decides the date', () => {
    expect(chinaDate('2026-11-27T17:00:00Z')).toBe('2026-11-28');
    expect(overdueWorkdays('2026-11-26T15:59:59Z', new Date('2026-11-27T16:30:00Z'), years)).toBe(1);
  });

  it('given a year the calendar does not know, when counted, then Monday to Friday are working days', () => {
    expect(overdueWorkdays(due('2027-01-08'), new Date('2027-01-15T12:00:00+08:00'), years)).toBe(5);
    expect(yearsBetween(due('2026-12-30'), new Date('2027-01-04T00:00:00+08:00'))).toEqual([2026, 2027]);
  });
});

describe('remainingWorkdays', () => {
  it('given a deadline tonight on a working day, when counted, then 1 is left (today)', () => {
    expect(remainingWorkdays(due('2026-11-27'), new Date('2026-11-27T10:00:00+08:00'), years)).toBe(1);
  });

  it('given the National Day holiday ahead, when counted, then holidays skip and the make-up Saturday counts', () => {
    // From Wed Sep 30 to Sat Oct 10: Sep 30, Oct 8, Oct 9, Oct 10 (make-up).
    expect(remainingWorkdays(due('2026-10-10'), new Date('2026-09-30T09:00:00+08:00'), years)).toBe(4);
  });

  it('given a deadline already past, when counted, then none is left', () => {
    expect(remainingWorkdays(due('2026-11-26'), new Date('2026-11-27T10:00:00+08:00'), years)).toBe(0);
  });

  it('given a deadline in a later year, when the years are listed, then both are (earliest first)', () => {
    expect(yearsBetween(due('2027-01-04'), new Date('2026-12-30T10:00:00+08:00'))).toEqual([2026, 2027]);
  });
});
