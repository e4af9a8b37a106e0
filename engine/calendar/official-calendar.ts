/**
 * @module The official working-day calendar: package years plus administrator-loaded years, with
 * Monday-to-Friday counting outside them reported as provisional (docs/processes.md, "Deadlines").
 */
import { addDays, chinaDateOf, endOfChinaDay, isWeekend, yearOf } from './dates';
import { packageSchedule, packageYears } from './package-schedule';
import type { OfficialCalendarOptions, ScheduleSource, WorkdayCalendar, YearSchedule } from './types';
import { validateYearSchedule } from './validate-year-schedule';

/** Guard against runaway loops from absurd inputs (about 40 years of working days). */
const MAX_WORKDAYS = 10_000;

export function createOfficialCalendar(options: OfficialCalendarOptions = {}): WorkdayCalendar {
  const schedules = new Map<number, YearSchedule & { source: ScheduleSource }>();
  for (const year of packageYears()) schedules.set(year, { ...packageSchedule(year)!, source: 'package' });
  for (const s of options.adminYears ?? []) {
    const issues = validateYearSchedule(s);
    // The server validates before storing; an invalid schedule reaching here is a bug, not user input.
    if (issues.length > 0)
      throw new Error(`invalid schedule for ${s.year}: ${issues.map((i) => i.messageEn).join('; ')}`);
    schedules.set(s.year, {
      year: s.year,
      holidays: [...s.holidays],
      makeupWorkdays: [...s.makeupWorkdays],
      source: 'admin',
    });
  }

  // Day-keyed lookups. A schedule may name days of the neighbouring year (2018's New Year began on
  // 2017-12-30), so entries are merged by date; later (admin) schedules win over earlier ones.
  const dayOff = new Set<string>();
  const makeup = new Set<string>();
  for (const s of [...schedules.values()].sort((a, b) => a.year - b.year)) {
    for (const d of s.holidays) {
      dayOff.add(d);
      makeup.delete(d);
    }
    for (const d of s.makeupWorkdays) {
      makeup.add(d);
      dayOff.delete(d);
    }
  }

  const knows = (year: number) => schedules.has(year);
  const isWorkday = (date: string) => {
    if (makeup.has(date)) return true;
    if (dayOff.has(date)) return false;
    return !isWeekend(date);
  };

  return {
    isWorkday: (date) => isWorkday(chinaDateOf(date)),
    knows,
    knownYears: () => [...schedules.keys()].sort((a, b) => a - b),
    scheduleOf: (year) => {
      const s = schedules.get(year);
      return s ? { ...s, holidays: [...s.holidays], makeupWorkdays: [...s.makeupWorkdays] } : null;
    },

    addWorkdays(from, n) {
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAYS) {
        throw new RangeError(`working days must be an integer from 0 to ${MAX_WORKDAYS}, got ${n}`);
      }
      let day = chinaDateOf(from);
      let provisional = false;
      for (let left = n; left > 0; ) {
        day = addDays(day, 1);
        if (!knows(yearOf(day))) provisional = true;
        if (isWorkday(day)) left--;
      }
      return { dueAt: endOfChinaDay(day), provisional };
    },

    workdaysBetween(from, to) {
      const a = chinaDateOf(from);
      const b = chinaDateOf(to);
      const [start, end, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let days = 0;
      let provisional = false;
      for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) {
        if (!knows(yearOf(day))) provisional = true;
        if (isWorkday(day)) days++;
      }
      return { days: sign * days, provisional };
    },
  };
}

/** The calendar with the package's years only (tests, and before any administrator has loaded a year). */
export const defaultCalendar: WorkdayCalendar = createOfficialCalendar();
