/** @module Queries for administrator-loaded calendar years. */
import type { YearSchedule } from '../../engine/calendar';
import type { DbOrTx } from '../../platform/db/db';
import { calendarYears } from './schema';

export async function loadAdminYears(db: DbOrTx): Promise<YearSchedule[]> {
  const rows = await db.select().from(calendarYears).orderBy(calendarYears.year);
  return rows.map((r) => ({ year: r.year, holidays: r.holidays, makeupWorkdays: r.makeupWorkdays }));
}

export async function saveAdminYear(db: DbOrTx, schedule: YearSchedule, loadedBy: string) {
  const values = { ...schedule, loadedBy, updatedAt: new Date() };
  await db.insert(calendarYears).values(values).onConflictDoUpdate({ target: calendarYears.year, set: values });
}
