/**
 * @module A calendar whose schedule can be replaced while the server runs: the runtime and FEEL keep one
 * reference, and loading a year (PUT /api/calendar/{year}) swaps what it delegates to.
 */
import { createOfficialCalendar, type WorkdayCalendar, type YearSchedule } from '../../engine/calendar';
import type { DbOrTx } from '../../platform/db/db';
import { loadAdminYears, saveAdminYear } from './store';

export interface LiveCalendar extends WorkdayCalendar {
  /** Reloads the administrator years from the database. */
  reload(db: DbOrTx): Promise<void>;
  /** The schedule in force now, unaffected by later loads (to compare before and after). */
  snapshot(): WorkdayCalendar;
  /** Stores a year and switches to it. */
  load(db: DbOrTx, schedule: YearSchedule, loadedBy: string): Promise<void>;
}

export function createLiveCalendar(): LiveCalendar {
  let current = createOfficialCalendar();
  return {
    isWorkday: (d) => current.isWorkday(d),
    knows: (y) => current.knows(y),
    addWorkdays: (from, n) => current.addWorkdays(from, n),
    workdaysBetween: (a, b) => current.workdaysBetween(a, b),
    knownYears: () => current.knownYears(),
    scheduleOf: (y) => current.scheduleOf(y),
    snapshot: () => current,
    async reload(db) {
      current = createOfficialCalendar({ adminYears: await loadAdminYears(db) });
    },
    async load(db, schedule, loadedBy) {
      await saveAdminYear(db, schedule, loadedBy);
      await this.reload(db);
    },
  };
}
