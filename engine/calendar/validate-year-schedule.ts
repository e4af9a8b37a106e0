/** @module Checks an administrator's year schedule before it is stored or used; problems are values. */
import { isIsoDate, isWeekend } from './dates';
import type { YearSchedule } from './types';

export interface ScheduleIssue {
  code: 'YEAR_INVALID' | 'DATE_INVALID' | 'DATE_OUT_OF_RANGE' | 'DATE_CONFLICT' | 'MAKEUP_NOT_WEEKEND';
  date?: string;
  message: string;
  messageEn: string;
}

/**
 * A schedule's days must be real dates in its year or the adjacent December/January (holiday periods
 * straddle New Year); a day cannot be both off and a make-up day; a make-up day on a weekday changes
 * nothing and is almost certainly a typing error, so it is reported too.
 */
export function validateYearSchedule(s: YearSchedule): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  if (!Number.isInteger(s.year) || s.year < 1949 || s.year > 2200) {
    return [{ code: 'YEAR_INVALID', message: `年份无效：${s.year}`, messageEn: `invalid year: ${s.year}` }];
  }
  const first = `${s.year - 1}-12-01`;
  const last = `${s.year + 1}-01-31`;
  const check = (date: string) => {
    if (!isIsoDate(date)) {
      issues.push({
        code: 'DATE_INVALID',
        date,
        message: `日期格式无效（应为 YYYY-MM-DD）：${date}`,
        messageEn: `invalid date (expected YYYY-MM-DD): ${date}`,
      });
      return false;
    }
    if (date < first || date > last) {
      issues.push({
        code: 'DATE_OUT_OF_RANGE',
        date,
        message: `日期不属于 ${s.year} 年的安排：${date}`,
        messageEn: `date is outside the ${s.year} schedule: ${date}`,
      });
      return false;
    }
    return true;
  };
  const off = new Set(s.holidays.filter(check));
  for (const date of s.makeupWorkdays.filter(check)) {
    if (off.has(date)) {
      issues.push({
        code: 'DATE_CONFLICT',
        date,
        message: `同一天既是放假日又是调休上班日：${date}`,
        messageEn: `date is both a holiday and a make-up working day: ${date}`,
      });
    } else if (!isWeekend(date)) {
      issues.push({
        code: 'MAKEUP_NOT_WEEKEND',
        date,
        message: `调休上班日应为周六或周日：${date}`,
        messageEn: `a make-up working day must be a Saturday or Sunday: ${date}`,
      });
    }
  }
  return issues;
}
