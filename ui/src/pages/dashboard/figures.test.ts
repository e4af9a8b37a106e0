/** @module Tests of the dashboard's derived figures (#17): the on-time rate, the quiet units folded, the trend's labels. */
import { describe, expect, it } from 'vitest';
import type { UnitStats } from '../../api';
import { onTimeRate, splitByActivity, weekLabels } from './figures';

describe('dashboard figures', () => {
  it('counts an overdue, unrectified item against 按期整改率 (not 100% while one is overdue)', () => {
    // given 2 rectified on time and 1 overdue and open
    expect(onTimeRate(2, 2, 1)).toBe(67);
    // then all on time with nothing overdue is 100, and nothing to rate is null (shown as —)
    expect(onTimeRate(3, 3, 0)).toBe(100);
    expect(onTimeRate(0, 0, 0)).toBeNull();
    expect(onTimeRate(0, 0, 2)).toBe(0);
  });

  it('keeps units with activity and folds the all-zero ones', () => {
    const unit = (unitId: string, over: Partial<UnitStats> = {}) =>
      ({
        unitId,
        unitName: unitId,
        problemsReceived: 0,
        problemsRectified: 0,
        rectifiedOnTime: 0,
        overdueNow: 0,
        reworkRounds: 0,
        entriesRegistered: 0,
        entriesChanged: 0,
        entriesReturned: 0,
        ...over,
      }) as UnitStats;
    const { active, quiet } = splitByActivity([
      unit('a'),
      unit('b', { overdueNow: 1 }),
      unit('c', { entriesRegistered: 2 }),
    ]);
    expect(active.map((u) => u.unitId)).toEqual(['b', 'c']);
    expect(quiet.map((u) => u.unitId)).toEqual(['a']);
  });

  it('labels the first week with the period start, never a day before it', () => {
    // given a period from Tuesday 2026-12-01 whose first week starts on Monday 11-30
    expect(weekLabels(['2026-11-30', '2026-12-07'], '2026-12-01')).toEqual(['12-01', '12-07']);
  });
});
