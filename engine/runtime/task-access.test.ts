/** @module The task visibility rule, case by case. */
import { describe, expect, it } from 'vitest';
import {
  accessScope,
  canCompleteTask,
  canSeeTask,
  isCandidate,
  placeTask,
  taskAccessKeys,
} from './task-access';

const task = (over: Partial<Parameters<typeof canSeeTask>[1]> = {}) => ({
  assignee: null,
  candidateGroups: ['unit.leader'],
  candidateUsers: [],
  unitId: 'A',
  ...over,
});
const leaderA = { username: 'la', unitId: 'A', roles: ['unit.leader'] };
const leaderB = { username: 'lb', unitId: 'B', roles: ['unit.leader'] };
const reviewer = { username: 'rv', unitId: 'AUTH', roles: ['authority.reviewer', 'unit.leader'] };
/** The engine is told which roles are county-wide (identity/roles.ts in the product); here a literal one. */
const policy = { isCountyWide: (role: string) => role.startsWith('authority.') };

describe('task access', () => {
  it('given role@unit groups, when placing a task, then the scope sets the unit and the role stays', () => {
    expect(placeTask(['unit.rectifier@B', 'unit.leader@B'], 'A')).toEqual({
      roles: ['unit.rectifier', 'unit.leader'],
      unitId: 'B',
    });
    expect(placeTask(['unit.leader'], 'A')).toEqual({ roles: ['unit.leader'], unitId: 'A' });
  });

  it('given a unit role, then only holders in the task unit see it', () => {
    expect(canSeeTask(leaderA, task(), policy)).toBe(true);
    expect(canSeeTask(leaderB, task(), policy)).toBe(false);
    // reviewer holds unit.leader too, but in unit AUTH: a unit role does not cross units
    expect(canSeeTask(reviewer, task(), policy)).toBe(false);
  });

  it('given a county-wide role, then holders in any unit see it', () => {
    expect(canSeeTask(reviewer, task({ candidateGroups: ['authority.reviewer'], unitId: 'A' }), policy)).toBe(
      true,
    );
    expect(canSeeTask(leaderA, task({ candidateGroups: ['authority.reviewer'] }), policy)).toBe(false);
  });

  it('given a claimed task, then the assignee sees and completes it; other candidates see but may not complete', () => {
    const claimed = task({ assignee: 'someone' });
    expect(canCompleteTask(leaderA, claimed, policy)).toBe(false);
    expect(canSeeTask(leaderA, claimed, policy)).toBe(true);
    expect(canCompleteTask({ ...leaderB, username: 'someone' }, claimed, policy)).toBe(true);
  });

  it('given a named candidate user, then that user sees it regardless of unit', () => {
    expect(canSeeTask(leaderB, task({ candidateGroups: [], candidateUsers: ['lb'] }), policy)).toBe(true);
  });

  it('given any task and user, then the SQL keys agree with isCandidate', () => {
    const tasks = [
      task(),
      task({ unitId: 'B' }),
      task({ unitId: null }),
      task({ candidateGroups: ['authority.reviewer'] }),
      task({ candidateGroups: [], candidateUsers: ['lb'] }),
    ];
    for (const t of tasks) {
      const keys = taskAccessKeys(t.candidateGroups, t.unitId, t.candidateUsers, policy);
      for (const u of [leaderA, leaderB, reviewer]) {
        const overlap = accessScope(u, policy).keys.some((k) => keys.includes(k));
        expect(overlap, `${u.username} on ${JSON.stringify(t)}`).toBe(isCandidate(u, t, policy));
      }
    }
  });
});
