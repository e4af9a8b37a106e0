/** @module The stored working days to fix: ordinals agree with the calendar, backfill of older rows, a loaded year recounts. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar, defaultCalendar } from '../../engine/calendar';
import type { Database } from '../../platform/db/open-db';
import { testDbKinds } from '../../platform/db/testing';
import { openDomainDb } from '../testing';
import { findProblem, problems, refreshProblemWorkdays, workdaysToFix } from '.';
import { workdayOrdinals } from './workdays';

const at = (iso: string) => new Date(iso);

describe('working-day ordinals', () => {
  it('give workdaysBetween of any two dates as a difference, across holidays, 调休 and an unknown year', () => {
    // given every day from 2025-12-20 to 2027-01-20 (2027 is not in the package: Monday to Friday)
    const first = '2025-12-20';
    const ord = workdayOrdinals(defaultCalendar, first, '2027-01-20');
    const dayAt = (i: number) =>
      new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    expect(dayAt(ord.length - 1)).toBe('2027-01-20');
    // then each pair agrees with the calendar's own count (a spread of pairs, deterministic)
    for (let i = 0; i < ord.length; i += 7) {
      for (let j = i; j < ord.length; j += 23) {
        expect(ord[j] - ord[i]).toBe(defaultCalendar.workdaysBetween(dayAt(i), dayAt(j)).days);
      }
    }
  });

  it('counts from China dates and never below zero', () => {
    // 2026-10-09 23:30 China is still the 9th; the report at 00:10 on the 10th (调休 Saturday) is one working day later
    expect(workdaysToFix(defaultCalendar, at('2026-10-09T15:30:00Z'), at('2026-10-09T16:10:00Z'))).toBe(1);
    expect(
      workdaysToFix(defaultCalendar, at('2026-10-12T09:00:00+08:00'), at('2026-10-09T09:00:00+08:00')),
    ).toBe(0);
    expect(workdaysToFix(defaultCalendar, at('2026-10-12T09:00:00+08:00'), null)).toBeNull();
  });
});

describe.each(testDbKinds())('stored working days to fix on %s', (kind) => {
  let database: Database;
  const ids = { national: crypto.randomUUID(), newYear: crypto.randomUUID(), open: crypto.randomUUID() };
  const row = (instanceId: string, over: Partial<typeof problems.$inferInsert> & { receivedAt: Date }) => ({
    instanceId,
    entryId: crypto.randomUUID(),
    entryCode: 'C',
    sourceUnitId: 'gaj',
    problemType: 'error' as const,
    description: 'd',
    ...over,
  });
  beforeAll(async () => {
    database = await openDomainDb(kind);
    // given rows archived before the figure was stored (workdays_to_fix null), and one still open
    await database.db.insert(problems).values([
      row(ids.national, {
        status: 'archived',
        receivedAt: at('2026-09-28T09:00:00+08:00'),
        rectifiedAt: at('2026-10-14T10:00:00+08:00'),
        closedAt: at('2026-10-15T10:00:00+08:00'),
      }),
      row(ids.newYear, {
        status: 'archived',
        receivedAt: at('2026-12-30T09:00:00+08:00'),
        rectifiedAt: at('2027-01-05T10:00:00+08:00'),
        closedAt: at('2027-01-05T11:00:00+08:00'),
      }),
      row(ids.open, { status: 'rectifying', receivedAt: at('2026-12-30T09:00:00+08:00') }),
    ]);
  }, 60_000);
  afterAll(() => database?.close());
  const stored = async (id: string) => (await findProblem(database.db, id))?.workdaysToFix;

  it('backfills rows archived before the figure existed, and a second run writes nothing', async () => {
    // a figure already stored (even a wrong one) is left alone by the start-up fill of missing ones
    await database.db
      .update(problems)
      .set({ workdaysToFix: 99 })
      .where(eq(problems.instanceId, ids.national));
    expect(await refreshProblemWorkdays(database.db, defaultCalendar, { missingOnly: true })).toBe(1);
    expect(await stored(ids.national)).toBe(99);
    expect(await refreshProblemWorkdays(database.db, defaultCalendar, { missingOnly: true })).toBe(0);
    await database.db.update(problems).set({ workdaysToFix: null });
    expect(await refreshProblemWorkdays(database.db, defaultCalendar)).toBe(2);
    // 9-29, 9-30, 10-08, 10-09, 10-10 (调休), 10-12, 10-13, 10-14
    expect(await stored(ids.national)).toBe(8);
    // 12-31, then 2027 counted Monday to Friday: 01-01 (Fri), 01-04, 01-05
    expect(await stored(ids.newYear)).toBe(4);
    expect(await stored(ids.open)).toBeNull();
    expect(await refreshProblemWorkdays(database.db, defaultCalendar)).toBe(0);
  });

  it('recounts when a year is loaded that changes the days, and corrects a wrong figure', async () => {
    // when 2027's schedule is loaded: New Year's Day off, and 01-02 (Sat) a make-up working day in this test's year
    const loaded = createOfficialCalendar({
      adminYears: [{ year: 2027, holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-02'] }],
    });
    await database.db
      .update(problems)
      .set({ workdaysToFix: 99 })
      .where(eq(problems.instanceId, ids.national));
    expect(await refreshProblemWorkdays(database.db, loaded)).toBe(1); // only the wrong figure: still 4 days
    expect(await stored(ids.newYear)).toBe(4); // 12-31, 01-02, 01-04, 01-05
    expect(await stored(ids.national)).toBe(8);
    const offOnly = createOfficialCalendar({
      adminYears: [{ year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [] }],
    });
    expect(await refreshProblemWorkdays(database.db, offOnly)).toBe(1);
    expect(await stored(ids.newYear)).toBe(3);
  });
});
