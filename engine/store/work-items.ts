/** @module Timers, jobs, message subscriptions and incidents: the rows a step schedules beside its snapshot. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { incidents, type jobs, messageSubscriptions, timers } from './schema';

export type NewTimer = typeof timers.$inferInsert;
export type NewJob = typeof jobs.$inferInsert;
export type NewSubscription = typeof messageSubscriptions.$inferInsert;
export type NewIncident = typeof incidents.$inferInsert;

export function insertTimers(tx: DbOrTx, rows: NewTimer[]) {
  return rows.length > 0 ? tx.insert(timers).values(rows) : null;
}
export function insertIncidents(tx: DbOrTx, rows: NewIncident[]) {
  return rows.length > 0 ? tx.insert(incidents).values(rows) : null;
}
export function resolveIncident(tx: DbOrTx, instanceId: string, incidentKey: string, at: Date) {
  return tx
    .update(incidents)
    .set({ status: 'resolved', resolvedAt: at })
    .where(
      and(
        eq(incidents.instanceId, instanceId),
        eq(incidents.incidentKey, incidentKey),
        eq(incidents.status, 'open'),
      ),
    );
}

/** The oldest active subscription waiting for this message (locked so two correlations cannot both take it). */
export async function lockSubscription(tx: DbOrTx, messageName: string, correlationKey: string | null) {
  const [row] = await tx
    .select()
    .from(messageSubscriptions)
    .where(
      and(
        eq(messageSubscriptions.messageName, messageName),
        // A signal subscription of the same name is not this message's (a broadcast takes those).
        eq(messageSubscriptions.kind, 'message'),
        correlationKey === null
          ? isNull(messageSubscriptions.correlationKey)
          : eq(messageSubscriptions.correlationKey, correlationKey),
        eq(messageSubscriptions.status, 'active'),
      ),
    )
    .orderBy(asc(messageSubscriptions.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

export async function markSubscriptionCorrelated(tx: DbOrTx, id: string) {
  await tx.update(messageSubscriptions).set({ status: 'correlated' }).where(eq(messageSubscriptions.id, id));
}

export async function getIncident(db: DbOrTx, id: string) {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row;
}

export async function listIncidents(db: DbOrTx, instanceId: string) {
  return db
    .select()
    .from(incidents)
    .where(eq(incidents.instanceId, instanceId))
    .orderBy(asc(incidents.createdAt));
}

/** Timer-start timers of one definition version (replaced when a newer version is deployed). */
export async function cancelDefinitionTimers(tx: DbOrTx, definitionId: string) {
  await tx
    .update(timers)
    .set({ status: 'cancelled' })
    .where(
      and(eq(timers.definitionId, definitionId), isNull(timers.instanceId), eq(timers.status, 'scheduled')),
    );
}
