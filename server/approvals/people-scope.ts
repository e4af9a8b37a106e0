/**
 * @module Whose names a caller may look up through `GET /api/people` (the inbox, 我发起的, the instance page and the
 * record name people by name and unit). Not everyone's: only the people those screens can show the caller.
 * - County-wide callers (authority roles, 督办) see every unit's instances, so anyone.
 * - Everyone else: their own unit's people; holders of a county-wide role (the authority's staff act on every
 *   unit's tasks); and whoever started an instance the caller may see, holds one of its open tasks or completed
 *   one (its unit is theirs, they started it, they hold, held or may claim one of its tasks, or it was copied to
 *   them: the rule of server/http/instance-access.ts, asked of the database), and who copied a task to them. A
 *   delegator is of the task's unit or county-wide, as its delegate is (委派 outside it is refused): the first two
 *   rules name them.
 * A name outside that is answered as an unknown one: left out.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { accessScope, type RolePolicy, type RuntimeUser } from '../../engine/runtime';
import { processInstances, userTasks } from '../../engine/store/schema';
import { ROLE_KEYS } from '../../identity/roles';
import { userRoles, users } from '../../identity/schema';
import type { DbOrTx } from '../../platform/db/db';
import { taskCopies } from './schema';

/** The subset of `names` the caller may have named to them. */
export async function namesVisibleTo(
  db: DbOrTx,
  caller: RuntimeUser & { unitId: string },
  names: string[],
  policy: RolePolicy,
): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  if (caller.roles.some((r) => policy.isCountyWide(r))) return new Set(names);
  const countyWide = ROLE_KEYS.filter((r) => policy.isCountyWide(r));
  const near = await db
    .select({ username: users.username })
    .from(users)
    .where(
      and(
        inArray(users.username, names),
        or(
          eq(users.unitId, caller.unitId),
          sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${inArray(userRoles.role, countyWide)})`,
        ),
      ),
    );
  const found = new Set(near.map((r) => r.username));
  const rest = names.filter((n) => !found.has(n));
  if (rest.length === 0) return found;
  for (const n of await namesOnVisibleInstances(db, caller, rest, policy)) found.add(n);
  return found;
}

async function namesOnVisibleInstances(
  db: DbOrTx,
  caller: RuntimeUser & { unitId: string },
  names: string[],
  policy: RolePolicy,
): Promise<string[]> {
  const me = caller.username;
  const keys = accessScope(caller, policy).keys;
  const nameList = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const keyArray = sql`array[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  // Who is on which instance, from the names (each branch reads an index: starters, open holders, completers,
  // copies to me), then whether the caller may see that instance (instance-access.ts's rule, on its own rows).
  const rows = await db.execute<{ name: string }>(sql`
    select distinct n.name from (
      select ${processInstances.startedBy} as name, ${processInstances.id} as instance_id from ${processInstances}
        where ${processInstances.startedBy} in (${nameList})
      union all
      select ${userTasks.assignee}, ${userTasks.instanceId} from ${userTasks}
        where ${userTasks.status} = 'open' and ${userTasks.assignee} in (${nameList})
      union all
      select ${userTasks.completedBy}, ${userTasks.instanceId} from ${userTasks}
        where ${userTasks.status} = 'completed' and ${userTasks.completedBy} in (${nameList})
      union all
      select ${taskCopies.copiedBy}, ${taskCopies.instanceId} from ${taskCopies}
        where ${taskCopies.username} = ${me} and ${taskCopies.copiedBy} in (${nameList})
    ) n
    join ${processInstances} i on i.id = n.instance_id
    where i.unit_id = ${caller.unitId} or i.started_by = ${me}
      or exists (
        select 1 from ${userTasks} t where t.instance_id = n.instance_id
          and (t.assignee = ${me} or t.completed_by = ${me} or t.owner = ${me} or t.access_keys && ${keyArray}))
      or exists (
        select 1 from ${taskCopies} k where k.instance_id = n.instance_id and k.username = ${me})`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { name: string }[] }).rows;
  return list.map((r) => r.name);
}
