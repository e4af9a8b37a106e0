/**
 * @module Session revocation on every server process at once. Whoever ends or changes a user's sessions (logout,
 * disable, password, roles, second factor) sends NOTIFY in the same transaction; PostgreSQL delivers it on commit
 * to every process, whose listener evicts that user from its session cache and answers with an acknowledgement
 * (another NOTIFY). The writer waits, after its commit, until every listening process has acknowledged (it counts
 * them in pg_stat_activity), at most SETTLE_TIMEOUT_MS: so when the logout answers, no process still holds the
 * session in memory, and a client turning to another process at once is refused there. PGlite has one process.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db';
import type { Database } from '../platform/db/open-db';
import { rawQuery } from '../platform/db/raw';
import { sessionCacheOf } from './session-cache';

export const REVOCATION_CHANNEL = 'huiliu_session_revoked';
/** A process that does not answer (stuck, or its listener reconnecting) must not hang the request that revoked. */
const SETTLE_TIMEOUT_MS = 1_000;
const ACKS_MAX = 1_000;
const ACK = 'ack ';

interface Watch {
  kind: Database['kind'];
  acks: Map<string, number>;
  /** Per nonce: check (called on each ack) and release (called when the listener stops). */
  waiters: Map<string, { check(): void; release(): void }>;
}
const watches = new WeakMap<object, Watch>();

/** Inside the act's transaction: delivered on commit, dropped on rollback. Returns the notification's nonce. */
export async function notifyRevoked(tx: DbOrTx, userId: string): Promise<string> {
  const nonce = randomBytes(8).toString('hex');
  await tx.execute(sql`select pg_notify(${REVOCATION_CHANNEL}, ${`${userId} ${nonce}`})`);
  return nonce;
}

/** How many processes listen for revocations on this database (each LISTEN is a connection of its own). */
async function listeners(db: DbOrTx, watch: Watch): Promise<number> {
  if (watch.kind === 'pglite') return 1;
  const [row] = await rawQuery<{ n: number }>(
    db,
    'select count(*)::int as n from pg_stat_activity where datname = current_database() and query = $1::text',
    [`LISTEN "${REVOCATION_CHANNEL}"`],
  );
  return Math.max(1, row?.n ?? 1);
}

/**
 * After the commit, in the writing process: evicts the user here at once, then waits for every listening process's
 * acknowledgement of `nonce` (at once when nothing listens on this handle, e.g. the CLI).
 */
export async function settleRevocation(db: DbOrTx, userId: string, nonce: string | undefined): Promise<void> {
  sessionCacheOf(db).evictUser(userId);
  const watch = watches.get(db);
  if (!watch || !nonce) return;
  const needed = await listeners(db, watch);
  if ((watch.acks.get(nonce) ?? 0) >= needed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      watch.waiters.delete(nonce);
      resolve();
    };
    const timer = setTimeout(done, SETTLE_TIMEOUT_MS);
    watch.waiters.set(nonce, {
      check: () => {
        if ((watch.acks.get(nonce) ?? 0) >= needed) done();
      },
      release: done,
    });
  });
  watch.acks.delete(nonce);
}

/** Listens for revocations; an empty payload (the listener reconnected, notifications may be lost) clears all. */
export async function watchRevocations(database: Database): Promise<() => Promise<void>> {
  const cache = sessionCacheOf(database.db);
  const watch: Watch = { kind: database.kind, acks: new Map(), waiters: new Map() };
  const acknowledge = (nonce: string) =>
    database.db
      .execute(sql`select pg_notify(${REVOCATION_CHANNEL}, ${ACK + nonce})`)
      .catch((e: Error) => console.warn(`[huiliu] revocation ack failed: ${e.message}`));
  const stop = await database.listen(REVOCATION_CHANNEL, (payload) => {
    if (payload.startsWith(ACK)) {
      const nonce = payload.slice(ACK.length);
      if (watch.acks.size >= ACKS_MAX) watch.acks.clear();
      watch.acks.set(nonce, (watch.acks.get(nonce) ?? 0) + 1);
      watch.waiters.get(nonce)?.check();
      return;
    }
    const [userId, nonce] = payload.split(' ');
    if (!userId) return cache.clear();
    cache.evictUser(userId);
    if (nonce) void acknowledge(nonce);
  });
  watches.set(database.db, watch);
  return async () => {
    watches.delete(database.db);
    for (const waiter of [...watch.waiters.values()]) waiter.release();
    await stop();
  };
}
