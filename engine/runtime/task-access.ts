/**
 * @module Who may see and act on a user task: THE visibility rule (the inbox SQL is derived from `accessScope`).
 * - the assignee always;
 * - a named candidate user;
 * - a holder of a candidate role in the task's unit, or anywhere for a county-wide role. Which roles are county-wide
 *   is identity's to say (identity/roles.ts); the runtime passes that policy in (`rt.roles`).
 * Candidate groups may be scoped `role@unitId` (docs/processes.md), which sets the task's unit; otherwise the task
 * belongs to the instance starter's unit (so an unscoped `unit.leader` means "the starter's unit leader").
 */
import type { TaskAccessScope, TaskRow } from '../store';
import type { RolePolicy, RuntimeUser } from './types';

/** Splits `role@unit` groups into plain roles plus the task's unit (the first scope wins; else the starter's unit). */
export function placeTask(
  groups: string[],
  starterUnitId: string | null,
): { roles: string[]; unitId: string | null } {
  let unitId: string | null = null;
  const roles = groups.map((g) => {
    const at = g.indexOf('@');
    if (at < 0) return g.trim();
    if (unitId === null && g.slice(at + 1).trim()) unitId = g.slice(at + 1).trim();
    return g.slice(0, at).trim();
  });
  return { roles: [...new Set(roles)].filter(Boolean), unitId: unitId ?? starterUnitId };
}

/** `access_keys` of a task: what `isCandidate` tests, flattened so SQL can match it with one `&&`. */
export function taskAccessKeys(
  roles: string[],
  unitId: string | null,
  candidateUsers: string[],
  policy: RolePolicy,
): string[] {
  const keys = roles.map((r) => (policy.isCountyWide(r) ? r : `${r}@${unitId ?? '*'}`));
  return [...keys, ...candidateUsers.map((u) => `user:${u}`)];
}

/** The keys a user matches: unit roles in their unit (or on unit-less tasks), county-wide roles anywhere, their name. */
export function accessScope(user: RuntimeUser, policy: RolePolicy): TaskAccessScope {
  const keys = user.roles.flatMap((r) =>
    policy.isCountyWide(r) ? [r] : [`${r}@*`, ...(user.unitId ? [`${r}@${user.unitId}`] : [])],
  );
  return { username: user.username, keys: [...keys, `user:${user.username}`] };
}

type TaskFacts = Pick<TaskRow, 'assignee' | 'candidateGroups' | 'candidateUsers' | 'unitId'>;

/** A candidate by name or by role (in the task's unit, or anywhere for county-wide roles). */
export function isCandidate(user: RuntimeUser, task: TaskFacts, policy: RolePolicy): boolean {
  if (task.candidateUsers.includes(user.username)) return true;
  return task.candidateGroups.some(
    (g) =>
      user.roles.includes(g) &&
      (policy.isCountyWide(g) || task.unitId === null || task.unitId === user.unitId),
  );
}

export function canSeeTask(user: RuntimeUser, task: TaskFacts, policy: RolePolicy): boolean {
  return task.assignee === user.username || isCandidate(user, task, policy);
}

/** The assignee, or a candidate of an unclaimed task (completing claims it implicitly). */
export function canCompleteTask(user: RuntimeUser, task: TaskFacts, policy: RolePolicy): boolean {
  return task.assignee === user.username || (task.assignee === null && isCandidate(user, task, policy));
}
