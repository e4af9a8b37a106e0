/** @module The subscriptions a published message or a broadcast signal reaches: every waiting one, locked for the delivery. */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { messageSubscriptions } from './schema';

/**
 * Active subscriptions of a kind and name (and, for messages, correlation key), oldest first, locked so a concurrent
 * delivery cannot take the same row; rows another delivery holds are skipped (it delivers them).
 */
export async function lockWaitingSubscriptions(
  tx: DbOrTx,
  kind: 'message' | 'signal',
  name: string,
  correlationKey?: string,
) {
  const s = messageSubscriptions;
  return tx
    .select()
    .from(s)
    .where(
      and(
        eq(s.kind, kind),
        eq(s.messageName, name),
        correlationKey === undefined ? undefined : eq(s.correlationKey, correlationKey),
        eq(s.status, 'active'),
      ),
    )
    .orderBy(asc(s.createdAt))
    .for('update', { skipLocked: true });
}
