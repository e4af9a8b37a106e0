/** @module Tests of administrator schedule validation. */
import { describe, expect, it } from 'vitest';
import { validateYearSchedule } from './validate-year-schedule';

describe('validateYearSchedule', () => {
  it('given a plausible schedule straddling New Year, when validated, then there are no issues', () => {
    expect(
      validateYearSchedule({
        year: 2018,
        holidays: ['2017-12-30', '2017-12-31', '2018-01-01'],
        makeupWorkdays: ['2018-02-11'],
      }),
    ).toEqual([]);
  });

  it('given bad dates, conflicts and a weekday make-up day, when validated, then each is one issue with zh and en text', () => {
    const issues = validateYearSchedule({
      year: 2027,
      holidays: ['2027-02-30', '2025-10-01', '2027-10-09'],
      makeupWorkdays: ['2027-10-09', '2027-10-11'],
    });
    expect(issues.map((i) => [i.code, i.date])).toEqual([
      ['DATE_INVALID', '2027-02-30'],
      ['DATE_OUT_OF_RANGE', '2025-10-01'],
      ['DATE_CONFLICT', '2027-10-09'],
      ['MAKEUP_NOT_WEEKEND', '2027-10-11'],
    ]);
    expect(issues[0].message).toContain('日期');
    expect(issues[0].messageEn).toContain('invalid date');
  });

  it('given a nonsense year, when validated, then the year is the issue', () => {
    expect(validateYearSchedule({ year: 27, holidays: [], makeupWorkdays: [] })[0].code).toBe('YEAR_INVALID');
  });
});
