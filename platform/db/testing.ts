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
  const name = `huiliu_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
