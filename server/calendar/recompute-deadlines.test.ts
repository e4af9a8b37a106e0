/** @module Loading a year recounts what is stored in working days: archived problems' days to fix. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../engine/calendar';
import { findProblem, problems } from '../../workflows/problems';
import type { Database } from '../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../platform/db/testing';
import { recomputeProvisionalDeadlines } from './recompute-deadlines';

describe.each(testDbKinds())('recompute after a calendar year is loaded on %s', (kind) => {
  let database: Database;
  const instanceId = crypto.randomUUID();
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  }, 60_000);
  afterAll(() => database?.close());

  it("recounts an archived problem's working days to fix across the loaded New Year", async () => {
    // given a problem received 2026-12-30 and fixed 2027-01-05, archived while 2027 was unknown (Monday to Friday)
    const before = createOfficialCalendar();
    await database.db.insert(problems).values({
      instanceId,
      entryId: crypto.randomUUID(),
      entryCode: 'C',
      sourceUnitId: 'gaj',
      problemType: 'error',
      description: 'd',
      status: 'archived',
      receivedAt: new Date('2026-12-30T09:00:00+08:00'),
      rectifiedAt: new Date('2027-01-05T10:00:00+08:00'),
      closedAt: new Date('2027-01-05T11:00:00+08:00'),
      workdaysToFix: 4, // 12-31, 01-01 (a Friday), 01-04, 01-05
    });
    // when the administrator loads 2027 with New Year's Day off
    const after = createOfficialCalendar({
      adminYears: [{ year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [] }],
    });
    await recomputeProvisionalDeadlines(database.db, before, after);
    // then the stored figure counts 3
    expect((await findProblem(database.db, instanceId))?.workdaysToFix).toBe(3);
  });
});
