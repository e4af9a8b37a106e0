/** @module Reading a year's holiday dates as administrators type them. */
import { describe, expect, it } from 'vitest';
import { formatDateList, normalizeDate, parseDateList, toRuns } from './date-list';

describe('parseDateList', () => {
  it('reads single days, runs and the usual separators, sorted and without duplicates', () => {
    const { dates, invalid } = parseDateList(
      '2027-10-01 ~ 2027-10-03，2027-1-1\n2027/02/06至2027/02/07; 2027-10-02',
    );
    expect(dates).toEqual([
      '2027-01-01',
      '2027-02-06',
      '2027-02-07',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect(invalid).toEqual([]);
  });

  it('lists what it cannot read: impossible dates, reversed or month-long runs', () => {
    const { dates, invalid } = parseDateList(
      '2027-02-30 2027-10-07~2027-10-01 2027-01-01~2027-03-01 hello 2027-05-01',
    );
    expect(dates).toEqual(['2027-05-01']);
    expect(invalid).toEqual(['2027-02-30', '2027-10-07~2027-10-01', '2027-01-01~2027-03-01', 'hello']);
  });
});

describe('runs', () => {
  it('groups consecutive days across a month end and writes them back as the editor reads them', () => {
    const dates = ['2027-02-01', '2027-01-31', '2027-01-30', '2027-05-01'];
    expect(toRuns(dates)).toEqual([
      ['2027-01-30', '2027-02-01'],
      ['2027-05-01', '2027-05-01'],
    ]);
    expect(formatDateList(dates)).toBe('2027-01-30~2027-02-01\n2027-05-01');
    expect(parseDateList(formatDateList(dates)).dates).toEqual([...dates].sort());
    expect(normalizeDate('2028-02-29')).toBe('2028-02-29');
    expect(normalizeDate('2027-02-29')).toBeUndefined();
  });
});
