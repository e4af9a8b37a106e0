/** @module Query for the open tasks whose deadline is provisional (counted into a year the calendar does not know). */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { processDefinitions, processInstances, userTasks } from '../../engine/store/schema';
import { units } from '../../identity/schema';

export interface ProvisionalTaskRow {
  taskId: string;
  taskName: string;
  processInstanceId: string;
  processKey: string;
  processName: string | null;
  businessKey: string | null;
  unitId: string | null;
  unitName: string | null;
  createdAt: Date;
  dueAt: Date;
}

/** Earliest deadline first: those are the ones an administrator should settle first. */
export async function listOpenProvisionalTasks(
  db: DbOrTx,
  limit: number,
): Promise<{ items: ProvisionalTaskRow[]; total: number }> {
  const where = and(
    eq(userTasks.status, 'open'),
    eq(userTasks.dueProvisional, true),
    sql`${userTasks.dueAt} is not null`,
  );
  // A task offered to a unit names it; otherwise the instance's (the starter's) unit is the one concerned.
  const unitId = sql<string | null>`coalesce(${userTasks.unitId}, ${processInstances.unitId})`;
  const [items, [total]] = await Promise.all([
    db
      .select({
        taskId: userTasks.id,
        taskName: userTasks.name,
        processInstanceId: userTasks.instanceId,
        processKey: userTasks.processKey,
        processName: processDefinitions.name,
        businessKey: userTasks.businessKey,
        unitId,
        unitName: units.name,
        createdAt: userTasks.createdAt,
        dueAt: userTasks.dueAt,
      })
      .from(userTasks)
      .innerJoin(processInstances, eq(processInstances.id, userTasks.instanceId))
      .innerJoin(processDefinitions, eq(processDefinitions.id, processInstances.definitionId))
      .leftJoin(units, eq(units.id, unitId))
      .where(where)
      .orderBy(asc(userTasks.dueAt), asc(userTasks.id))
      .limit(limit),
    db.select({ n: count() }).from(userTasks).where(where),
  ]);
  // `where` excludes null deadlines; the column type does not know that.
  return { items: items as ProvisionalTaskRow[], total: total?.n ?? 0 };
}
