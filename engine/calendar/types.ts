/** @module Types of the official working-day calendar. */

/** One year's official schedule as the State Council publishes it (and an administrator loads it). */
export interface YearSchedule {
  year: number;
  /** Days off (YYYY-MM-DD), weekend days inside a holiday period included. */
  holidays: string[];
  /** Weekend days that are working days (调休 make-up days). */
  makeupWorkdays: string[];
}

export type ScheduleSource = 'admin' | 'package';

export interface WorkdayCalendar {
  /** Whether a China date is a working day; outside known years, Monday to Friday. */
  isWorkday(date: string): boolean;
  /** Whether the year's official schedule is loaded (package or administrator). */
  knows(year: number): boolean;
  /**
   * The deadline "n working days after `from`": 23:59:59+08:00 of the n-th working day after `from`'s
   * China date. `provisional` when any day counted lies in a year the calendar does not know.
   */
  addWorkdays(from: string, n: number): { dueAt: string; provisional: boolean };
  /**
   * Working days strictly after `from`'s China date up to and including `to`'s ("overdue by N working days").
   * Negative when `to` is before `from`.
   */
  workdaysBetween(from: string, to: string): { days: number; provisional: boolean };
  /** The years known, ascending. */
  knownYears(): number[];
  /** The schedule used for a year and where it came from, or null for an unknown year. */
  scheduleOf(year: number): (YearSchedule & { source: ScheduleSource }) | null;
}

export interface OfficialCalendarOptions {
  /** Years loaded by an administrator; they replace the package's schedule for the same year. */
  adminYears?: YearSchedule[];
}
