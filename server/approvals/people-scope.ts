/**
 * @module Whose names a caller may look up through `GET /api/people` (the inbox, 我发起的, the instance page and the
 * record name people by name and unit). Not everyone's: only the people those screens can show the caller.
 * - County-wide callers (authority roles, 督办) see every unit's instances, so anyone.
 * - Everyone else: their own unit's people; holders of a county-wide role (the authority's staff act on every
 *   unit's tasks); and whoever started, holds, held, delegated or copied a task of an instance the caller may see
 *   (its unit is theirs, they started it, they hold, held or may claim one of its tasks, or it was copied to them;
 *   the rule of server/http/instance-access.ts, asked of the database at once).
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
  // The instances the caller may see (instance-access.ts's rule), then the people named on them.
  const rows = await db.execute<{ name: string }>(sql`
    with seen as (
      select ${processInstances.id} as id from ${processInstances}
        where ${processInstances.unitId} = ${caller.unitId} or ${processInstances.startedBy} = ${me}
      union
      select ${userTasks.instanceId} from ${userTasks}
        where ${userTasks.assignee} = ${me} or ${userTasks.completedBy} = ${me} or ${userTasks.owner} = ${me}
          or ${userTasks.accessKeys} && ${keyArray}
      union
      select ${taskCopies.instanceId} from ${taskCopies} where ${taskCopies.username} = ${me}
    )
    select distinct n.name from (
      select ${processInstances.startedBy} as name, ${processInstances.id} as instance_id from ${processInstances}
        where ${processInstances.startedBy} in (${nameList})
      union all
      select unnest(array[${userTasks.assignee}, ${userTasks.completedBy}, ${userTasks.owner}]), ${userTasks.instanceId}
        from ${userTasks}
        where ${userTasks.assignee} in (${nameList}) or ${userTasks.completedBy} in (${nameList}) or ${userTasks.owner} in (${nameList})
      union all
      select ${taskCopies.copiedBy}, ${taskCopies.instanceId} from ${taskCopies}
        where ${taskCopies.copiedBy} in (${nameList})
    ) n
    where n.name in (${nameList}) and n.instance_id in (select id from seen)`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { name: string }[] }).rows;
  return list.map((r) => r.name);
}
