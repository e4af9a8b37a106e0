/** @module Tests of the official working-day calendar against the real 2026 schedule in chinese-days. */
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { createOfficialCalendar, defaultCalendar, packageSchedule, type YearSchedule } from './index';

/*
 * The 2026 schedule (State Council notice, gov.cn content_7047091; as listed in chinese-days 1.5.7 data):
 *   春节 2026-02-15 (Sun) .. 02-23 (Mon) off; make-up working days 02-14 (Sat) and 02-28 (Sat).
 *   中秋 2026-09-25 (Fri) .. 09-27 (Sun) off.
 *   国庆 2026-10-01 (Thu) .. 10-07 (Wed) off; make-up working days 09-20 (Sun) and 10-10 (Sat).
 */

/** A hypothetical 2027 New Year schedule an administrator might load (NOT the official one): 01-01..01-03 off, Sat 01-09 worked. */
const admin2027: YearSchedule = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  makeupWorkdays: ['2027-01-09'],
};

describe('the package data we rely on', () => {
  it('given chinese-days, when reading 2026, then it lists the National Day period and its make-up days', () => {
    const s = packageSchedule(2026)!;
    expect(s.holidays).toEqual(
      expect.arrayContaining([
        '2026-09-25',
        '2026-09-27',
        '2026-10-01',
        '2026-10-07',
        '2026-02-15',
        '2026-02-23',
      ]),
    );
    expect(s.makeupWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('given chinese-days, when asking about 2027, then it has no schedule although its own isWorkday guesses', () => {
    expect(packageSchedule(2027)).toBeNull();
    expect(defaultCalendar.knows(2027)).toBe(false);
    expect(defaultCalendar.knows(2026)).toBe(true);
    expect(defaultCalendar.knows(2004)).toBe(true);
    // The trap docs/processes.md warns about: the package calls New Year's Day 2027 a working day.
    expect(chineseDays.isWorkday('2027-01-01')).toBe(true);
  });
});

describe('addWorkdays across the 2026 National Day holiday', () => {
  it('given a report on Mon 2026-09-28, when 2 working days pass, then it is due at the end of Wed 09-30', () => {
    // 09-29 Tue (1), 09-30 Wed (2).
    expect(defaultCalendar.addWorkdays('2026-09-28T10:00:00+08:00', 2)).toEqual({
      dueAt: '2026-09-30T23:59:59+08:00',
      provisional: false,
    });
  });

  it('given a report on Mon 2026-09-28, when 5 working days pass, then the make-up Saturday 10-10 is the 5th', () => {
    // 09-29 (1), 09-30 (2), 10-01..10-07 off, 10-08 Thu (3), 10-09 Fri (4), 10-10 Sat make-up day (5).
    expect(defaultCalendar.addWorkdays('2026-09-28T10:00:00+08:00', 5)).toEqual({
      dueAt: '2026-10-10T23:59:59+08:00',
      provisional: false,
    });
  });

  it('given a UTC instant that is already 09-28 in China, when counting, then the China date is the start', () => {
    // 2026-09-27T20:00Z is 09-28 04:00 in Beijing; counting from 09-27 would give 09-29 for n = 2.
    expect(defaultCalendar.addWorkdays('2026-09-27T20:00:00Z', 2).dueAt).toBe('2026-09-30T23:59:59+08:00');
    // A local date-time without offset is China wall-clock time, whatever the server's zone.
    expect(defaultCalendar.addWorkdays('2026-09-28T23:30:00', 2).dueAt).toBe('2026-09-30T23:59:59+08:00');
  });

  it('given Sun 2026-09-20, a make-up day, when asking, then it is a working day while Sat 09-19 is not', () => {
    expect(defaultCalendar.isWorkday('2026-09-20')).toBe(true);
    expect(defaultCalendar.isWorkday('2026-09-19')).toBe(false);
    expect(defaultCalendar.isWorkday('2026-10-05')).toBe(false);
  });
});

describe('addWorkdays across the 2026 Spring Festival', () => {
  it('given Thu 2026-02-12, when 5 working days pass, then the make-up 02-14 counts and the festival does not', () => {
    // 02-13 Fri (1), 02-14 Sat make-up (2), 02-15..02-23 off, 02-24 Tue (3), 02-25 (4), 02-26 Thu (5).
    expect(defaultCalendar.addWorkdays('2026-02-12T09:00:00+08:00', 5)).toEqual({
      dueAt: '2026-02-26T23:59:59+08:00',
      provisional: false,
    });
  });

  it('given a plain date, when 1 working day passes from the eve of the festival, then it skips to 02-24', () => {
    expect(defaultCalendar.addWorkdays('2026-02-14', 1).dueAt).toBe('2026-02-24T23:59:59+08:00');
  });
});

describe('years the calendar does not know', () => {
  it('given Mon 2026-12-28, when 5 working days reach into 2027, then Monday to Friday is used and marked provisional', () => {
    // 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-01 Fri (4, guessed), 01-04 Mon (5).
    expect(defaultCalendar.addWorkdays('2026-12-28T10:00:00+08:00', 5)).toEqual({
      dueAt: '2027-01-04T23:59:59+08:00',
      provisional: true,
    });
  });

  it('given a deadline ending on 2026-12-31, when computed, then it is not provisional', () => {
    expect(defaultCalendar.addWorkdays('2026-12-28T10:00:00+08:00', 3)).toEqual({
      dueAt: '2026-12-31T23:59:59+08:00',
      provisional: false,
    });
  });

  it('given an administrator loads 2027, when the same deadline is computed, then it respects 2027 and is final', () => {
    const calendar = createOfficialCalendar({ adminYears: [admin2027] });
    // 12-29 (1), 12-30 (2), 12-31 (3), 01-01..01-03 off, 01-04 Mon (4), 01-05 Tue (5).
    expect(calendar.addWorkdays('2026-12-28T10:00:00+08:00', 5)).toEqual({
      dueAt: '2027-01-05T23:59:59+08:00',
      provisional: false,
    });
    expect(calendar.knows(2027)).toBe(true);
    expect(calendar.isWorkday('2027-01-09')).toBe(true);
    expect(calendar.scheduleOf(2027)?.source).toBe('admin');
    expect(calendar.scheduleOf(2026)?.source).toBe('package');
    expect(calendar.scheduleOf(2028)).toBeNull();
  });

  it('given an administrator schedule for a package year, when loaded, then it replaces the package days', () => {
    const calendar = createOfficialCalendar({
      adminYears: [{ year: 2026, holidays: ['2026-10-01'], makeupWorkdays: [] }],
    });
    expect(calendar.isWorkday('2026-10-02')).toBe(true);
    expect(calendar.isWorkday('2026-09-20')).toBe(false);
    expect(calendar.isWorkday('2026-10-01')).toBe(false);
  });

  it('given an invalid administrator schedule, when creating the calendar, then it throws (the server validates first)', () => {
    expect(() =>
      createOfficialCalendar({ adminYears: [{ year: 2027, holidays: ['2027-02-30'], makeupWorkdays: [] }] }),
    ).toThrow(/2027-02-30/);
  });
});

describe('workdaysBetween', () => {
  it('given a deadline on 09-30 and now 10-09, when counting overdue days, then the holiday week does not count', () => {
    // After 09-30: 10-01..10-07 off, 10-08 (1), 10-09 (2).
    expect(defaultCalendar.workdaysBetween('2026-09-30T23:59:59+08:00', '2026-10-09T10:00:00+08:00')).toEqual(
      { days: 2, provisional: false },
    );
  });

  it('given the same day, when counting, then zero; and reversed arguments count negative', () => {
    expect(
      defaultCalendar.workdaysBetween('2026-10-09T01:00:00+08:00', '2026-10-09T22:00:00+08:00').days,
    ).toBe(0);
    expect(defaultCalendar.workdaysBetween('2026-10-09', '2026-09-30').days).toBe(-2);
  });

  it('given a span into 2027, when counting, then it is provisional', () => {
    expect(defaultCalendar.workdaysBetween('2026-12-30', '2027-01-04')).toEqual({
      days: 3,
      provisional: true,
    });
  });
});

describe('bad input', () => {
  it('given a negative or fractional count or a malformed date, when adding, then it throws', () => {
    expect(() => defaultCalendar.addWorkdays('2026-09-28', -1)).toThrow(RangeError);
    expect(() => defaultCalendar.addWorkdays('2026-09-28', 1.5)).toThrow(RangeError);
    expect(() => defaultCalendar.addWorkdays('28/09/2026', 1)).toThrow(RangeError);
    expect(defaultCalendar.addWorkdays('2026-09-28T10:00:00+08:00', 0).dueAt).toBe(
      '2026-09-28T23:59:59+08:00',
    );
  });
});
