/**
 * @module The rows of one instance moved onto another version of its definition: the instance (guarded by its
 * version, as every step is) and the open work items of renamed elements (element id and key), in the caller's
 * transaction. Nothing else changes: no task is closed or opened, no timer rescheduled.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Json } from '../contract';
import type { DbOrTx } from '../../platform/db/db';
import {
  incidents,
  type InstanceRow,
  jobs,
  messageSubscriptions,
  processInstances,
  timers,
  userTasks,
} from './schema';

export interface InstanceMove {
  current: InstanceRow;
  definitionId: string;
  definitionVersion: number;
  snapshot: Json;
  activeElementIds: string[];
  /** Old element id → new element id. */
  renamed: Record<string, string>;
  /** Element id (after renaming) → the target version's name of the user task, for its open task rows. */
  taskNames: Record<string, string>;
}

/** Returns false when another step changed the instance since it was read (nothing written then). */
export async function moveInstanceRows(tx: DbOrTx, m: InstanceMove): Promise<boolean> {
  const updated = await tx
    .update(processInstances)
    .set({
      definitionId: m.definitionId,
      definitionVersion: m.definitionVersion,
      snapshot: m.snapshot,
      activeElementIds: m.activeElementIds,
      version: m.current.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(processInstances.id, m.current.id), eq(processInstances.version, m.current.version)))
    .returning({ id: processInstances.id });
  if (updated.length === 0) return false;
  const id = m.current.id;
  for (const [from, to] of Object.entries(m.renamed)) {
    // Keys are `elementId#activation…`: the element part is replaced, the rest kept.
    const rekey = (col: any) => sql`${to} || substr(${col}, ${from.length + 1})`;
    await tx
      .update(userTasks)
      .set({ elementId: to, taskKey: rekey(userTasks.taskKey) })
      .where(and(eq(userTasks.instanceId, id), eq(userTasks.elementId, from)));
    await tx
      .update(timers)
      .set({ elementId: to, timerKey: rekey(timers.timerKey) })
      .where(and(eq(timers.instanceId, id), eq(timers.elementId, from)));
    await tx
      .update(jobs)
      .set({ elementId: to, jobKey: rekey(jobs.jobKey) })
      .where(and(eq(jobs.instanceId, id), eq(jobs.elementId, from)));
    await tx
      .update(messageSubscriptions)
      .set({ elementId: to, subscriptionKey: rekey(messageSubscriptions.subscriptionKey) })
      .where(and(eq(messageSubscriptions.instanceId, id), eq(messageSubscriptions.elementId, from)));
    await tx
      .update(incidents)
      .set({ elementId: to, incidentKey: rekey(incidents.incidentKey) })
      .where(and(eq(incidents.instanceId, id), eq(incidents.elementId, from)));
  }
  // A call activity's running child names its parent's element in parentRef.
  for (const [from, to] of Object.entries(m.renamed))
    await tx
      .update(processInstances)
      .set({
        parentRef: sql`jsonb_set(jsonb_set(${processInstances.parentRef}, '{elementId}', to_jsonb(${to}::text)), '{childKey}', to_jsonb(${to}::text || substr(${processInstances.parentRef}->>'childKey', ${from.length + 1})))`,
      })
      .where(
        and(
          eq(processInstances.parentInstanceId, id),
          sql`${processInstances.parentRef}->>'elementId' = ${from}`,
        ),
      );
  for (const [el, name] of Object.entries(m.taskNames))
    await tx
      .update(userTasks)
      .set({ name })
      .where(
        and(
          eq(userTasks.instanceId, id),
          eq(userTasks.elementId, el),
          eq(userTasks.status, 'open'),
          // an added signer's task keeps its own name (`…（加签）`)
          sql`position('+' in ${userTasks.taskKey}) = 0`,
        ),
      );
  return true;
}
