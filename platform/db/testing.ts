/** @module Test databases: PGlite always, PostgreSQL too when DATABASE_URL is set (required under CI=true). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from './open-db';

export type TestDbKind = 'pglite' | 'postgres';

/** The database kinds a store test runs on. Under CI a missing DATABASE_URL is a failure, not a skip. */
export function testDbKinds(): TestDbKind[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error('CI=true but DATABASE_URL is not set: PostgreSQL tests must run in CI (see .ci/run)');
  }
  console.warn('[test] DATABASE_URL not set: store tests run on PGlite only');
  return ['pglite'];
}

/**
 * Opens a migrated, empty database of the given kind. PostgreSQL gets a fresh database per call so that
 * test files can run in parallel; it is dropped on close.
 */
export async function openTestDatabase(kind: TestDbKind): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('DATABASE_URL is not set');
  const scratch = await scratchDatabase(baseUrl, 'huiliu_test');
  const database = await openDatabase({ databaseUrl: scratch.url });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * A new, empty database (no migrations) in the PostgreSQL cluster of `baseUrl`, named `<prefix>_<unique>`;
 * `drop()` removes it, even while connections are still open. Tests, spawned servers and benchmarks all take
 * their databases from here.
 */
export async function scratchDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
