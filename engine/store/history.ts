/** @module Append-only history: one row per thing that happened to an instance, read back oldest first. */
import { asc, eq } from 'drizzle-orm';
import type { HistoryEvent, Json } from '../contract';
import type { DbOrTx } from '../../platform/db/db';
import { historyEvents } from './schema';

/** Returns the insert (lazy: it runs when awaited, or inside a WriteBatch); null when there is nothing to add. */
export function appendHistory(tx: DbOrTx, instanceId: string, events: HistoryEvent[]) {
  if (events.length === 0) return null;
  return tx.insert(historyEvents).values(
    events.map((e) => ({
      instanceId,
      at: new Date(e.at),
      type: e.type,
      elementId: e.elementId ?? null,
      actor: e.actor ?? null,
      data: (e.data ?? null) as Json,
    })),
  );
}

export async function readHistory(db: DbOrTx, instanceId: string): Promise<HistoryEvent[]> {
  const rows = await db
    .select()
    .from(historyEvents)
    .where(eq(historyEvents.instanceId, instanceId))
    .orderBy(asc(historyEvents.id));
  return rows.map((r) => ({
    at: r.at.toISOString(),
    type: r.type,
    ...(r.elementId ? { elementId: r.elementId } : {}),
    ...(r.actor ? { actor: r.actor } : {}),
    ...(r.data !== null ? { data: r.data } : {}),
  }));
}
