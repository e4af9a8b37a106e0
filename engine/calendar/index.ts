/** @module Public face of the official working-day calendar (holidays and 调休 make-up days, China time). */
export { CHINA_OFFSET, chinaDateOf, isIsoDate } from './dates';
export { createOfficialCalendar, defaultCalendar } from './official-calendar';
export { packageSchedule, packageYears } from './package-schedule';
export type { OfficialCalendarOptions, ScheduleSource, WorkdayCalendar, YearSchedule } from './types';
export { type ScheduleIssue, validateYearSchedule } from './validate-year-schedule';
