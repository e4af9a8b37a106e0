/** @module The weekly trend on a real database: China weeks from Monday, received / rectified / late per week. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { testDbKinds } from '../../platform/db/testing';
import { problems } from '../problems/schema';
import { openDomainDb } from '../testing';
import { computeTrend, countOpenProblems } from '.';

const at = (iso: string) => new Date(iso);

describe.each(testDbKinds())('weekly trend on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openDomainDb(kind);
    const p = (over: Partial<typeof problems.$inferInsert>) => ({
      instanceId: crypto.randomUUID(),
      entryId: crypto.randomUUID(),
      entryCode: 'C',
      sourceUnitId: 'gaj',
      problemType: 'error' as const,
      description: 'd',
      receivedAt: at('2026-10-06T09:00:00+08:00'),
      ...over,
    });
    // Given problems in the weeks of Monday 10-05 and Monday 10-12 (China time) ...
    await database.db.insert(problems).values([
      // Sunday 23:30 in China is still the week of 10-05 (though Sunday 15:30 UTC)
      p({ receivedAt: at('2026-10-11T23:30:00+08:00'), status: 'triage' }),
      // Monday 00:30 in China opens the week of 10-12 (though still Sunday in UTC)
      p({ receivedAt: at('2026-10-12T00:30:00+08:00'), status: 'rectifying', rounds: 1 }),
      // received in week 1, archived on time in week 2
      p({
        status: 'archived',
        outcome: 'archived',
        closedAt: at('2026-10-13T10:00:00+08:00'),
        onTime: true,
        rounds: 1,
      }),
      // received in week 1, archived late in week 2
      p({
        status: 'archived',
        outcome: 'archived',
        closedAt: at('2026-10-14T10:00:00+08:00'),
        onTime: false,
        rounds: 2,
      }),
      // archived late in week 1
      p({
        status: 'archived',
        outcome: 'archived',
        closedAt: at('2026-10-09T10:00:00+08:00'),
        onTime: false,
        rounds: 1,
      }),
      // dismissed: not received
      p({ status: 'dismissed', outcome: 'dismissed', closedAt: at('2026-10-07T10:00:00+08:00') }),
      // before the period: neither received nor in any week
      p({ receivedAt: at('2026-09-30T10:00:00+08:00'), status: 'triage' }),
    ]);
  }, 60_000);
  afterAll(() => database?.close());

  it('counts per China week, with empty weeks as zeros', async () => {
    // ... when the trend of 10-01 .. 10-20 is asked ...
    const weeks = await computeTrend(database.db, { from: '2026-10-01', to: '2026-10-20' });
    // ... then each Monday-started week touching the period has its own counts.
    expect(weeks).toEqual([
      { weekStart: '2026-09-28', received: 0, rectified: 0, rectifiedLate: 0 },
      { weekStart: '2026-10-05', received: 4, rectified: 1, rectifiedLate: 1 },
      { weekStart: '2026-10-12', received: 1, rectified: 2, rectifiedLate: 1 },
      { weekStart: '2026-10-19', received: 0, rectified: 0, rectifiedLate: 0 },
    ]);
  });

  it('counts open problems: received and neither archived nor dismissed', async () => {
    // the triage ones of 10-11 and 09-30 and the rectifying one of 10-12
    expect(await countOpenProblems(database.db)).toBe(3);
  });

  it('refuses a reversed period or one longer than two years', async () => {
    await expect(computeTrend(database.db, { from: '2026-10-20', to: '2026-10-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(computeTrend(database.db, { from: '2024-01-01', to: '2026-10-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
