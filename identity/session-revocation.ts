/**
 * @module Session revocation on every server process at once: whoever ends a user's sessions (logout, disable,
 * password, roles) sends NOTIFY in the same transaction; PostgreSQL delivers it on commit to every process, whose
 * listener evicts that user from its session cache. PGlite has one process and the same LISTEN/NOTIFY.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db';
import type { Database } from '../platform/db/open-db';
import { sessionCacheOf } from './session-cache';

export const REVOCATION_CHANNEL = 'huiliu_session_revoked';

/** Inside the act's transaction: delivered on commit, dropped on rollback. */
export async function notifyRevoked(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${REVOCATION_CHANNEL}, ${userId})`);
}

/** After the commit, in the writing process: no wait for its own notification to come back. */
export function evictLocally(db: DbOrTx, userId: string): void {
  sessionCacheOf(db).evictUser(userId);
}

/** Listens for revocations; an empty payload (the listener reconnected, notifications may be lost) clears all. */
export function watchRevocations(database: Database): Promise<() => Promise<void>> {
  const cache = sessionCacheOf(database.db);
  return database.listen(REVOCATION_CHANNEL, (userId) => (userId ? cache.evictUser(userId) : cache.clear()));
}
