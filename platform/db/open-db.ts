/**
 * @module Opens the store: embedded PGlite in HUILIU_DATA_DIR by default, a pg Pool when DATABASE_URL is set.
 * Migrations apply on open, one process at a time (a PostgreSQL advisory lock), and a PostgreSQL that goes away
 * (restart, failover) never crashes the process: pool and client errors are handled, LISTEN reconnects by itself.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Db } from './db';

/** Beside this file (the dist/ bundle keeps pointing here: scripts/build-server.mjs); HUILIU_MIGRATIONS overrides. */
export const migrationsFolder =
  process.env.HUILIU_MIGRATIONS ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Advisory-lock keys (one 64-bit namespace per database): migrations, and start-up fills of the server. */
export const LOCK_KEYS = { migrate: 4_802_215_001, startup: 4_802_215_002 } as const;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * LISTEN on a channel; returns a function that stops listening. On PostgreSQL the listening connection
   * reconnects by itself after the server went away (notifications sent meanwhile are lost: pollers cover them).
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Runs `fn` while holding a session advisory lock on a dedicated connection, so that N processes run it one
   * after another (start-up work). PGlite has one process: `fn` simply runs.
   */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; `undefined` or `memory://` for an in-memory database. */
  dataDir?: string;
  /** Apply migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
  /** Where connection trouble is reported (default: console.error). */
  onError?: (message: string, err: Error) => void;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const database = options.databaseUrl ? await openPostgres(options) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await applyMigrations(database);
    } catch (e) {
      await database.close().catch(() => {});
      throw e;
    }
  }
  return database;
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dir = options.dataDir && options.dataDir !== 'memory://' ? path.resolve(options.dataDir) : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async listen(channel, onNotify) {
      const unsubscribe = await client.listen(channel, onNotify);
      return async () => unsubscribe();
    },
    exclusive: (_key, fn) => fn(),
    close: () => client.close(),
  };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '')}"`;

async function openPostgres(options: OpenOptions): Promise<Database> {
  const report = options.onError ?? ((message, err) => console.error(`[db] ${message}:`, err.message));
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  // An idle client's network error (57P01 on a PostgreSQL restart) must not crash the process; the pool drops
  // that client and the next query connects afresh.
  pool.on('error', (err) => report('idle connection lost', err));
  // A checked-out client that errors emits 'error' on itself: without a listener that is an uncaught exception.
  pool.on('connect', (client) => {
    client.on('error', (err) => report('connection lost', err));
  });
  const db = drizzlePg(pool, { casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  const listeners = new Set<() => Promise<void>>();

  /** A connection of its own (not from the pool): held for LISTEN or an advisory lock as long as needed. */
  const dedicated = async () => {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    client.on('error', (err) => report('dedicated connection lost', err));
    await client.connect();
    return client;
  };

  return {
    db,
    kind: 'postgres',
    async listen(channel, onNotify) {
      let client: pg.Client | null = null;
      let stopped = false;
      let retry: NodeJS.Timeout | null = null;
      const connect = async (): Promise<void> => {
        const c = await dedicated();
        c.on('notification', (msg) => {
          if (msg.channel === channel) onNotify(msg.payload ?? '');
        });
        // The server went away (restart, failover): connect again, with a growing pause, until it is back.
        c.on('end', () => {
          if (client !== c) return;
          client = null;
          schedule(250);
        });
        try {
          await c.query(`LISTEN ${quoteIdent(channel)}`);
        } catch (e) {
          await c.end().catch(() => {});
          throw e;
        }
        client = c;
        if (stopped || closed) await stop();
      };
      const schedule = (ms: number) => {
        if (retry || stopped || closed) return;
        retry = setTimeout(() => {
          retry = null;
          connect().then(
            // Notifications sent while away are lost: one empty wake-up makes the listener poll once.
            () => onNotify(''),
            (err) => {
              report('LISTEN reconnect failed', err as Error);
              schedule(Math.min(ms * 2, 4000));
            },
          );
        }, ms);
        retry.unref?.();
      };
      const stop = async () => {
        stopped = true;
        listeners.delete(stop);
        if (retry) clearTimeout(retry);
        const c = client;
        client = null;
        await c?.end().catch(() => {});
      };
      await connect();
      listeners.add(stop);
      return stop;
    },
    async exclusive(key, fn) {
      const client = await dedicated();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
        }
      } finally {
        // Ending the session releases the lock even when the unlock above failed.
        await client.end().catch(() => {});
      }
    },
    async close() {
      closed = true;
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
  };
}

export async function applyMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // Processes started together on an empty database would each run CREATE SCHEMA/TABLE and collide on catalog
  // rows (duplicate pg_type names): the first takes the lock and migrates, the others then find nothing to do.
  await database.exclusive(LOCK_KEYS.migrate, () => migratePg(database.db as never, { migrationsFolder }));
}
