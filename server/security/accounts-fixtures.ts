/** @module Shared by the account tests: log in by hand, call with a token, read rows, and two app instances on one PostgreSQL database. */
import { scratchDatabase } from '../../platform/db/testing';
import { createTestClock } from '../../platform/clock';
import { rawQuery } from '../../platform/db/raw';
import { type Database, openDatabase } from '../../platform/db/open-db';
import { composeServer, type ServerContext } from '../compose';
import type { App } from '../http/env';

type Appish = { app: App };

export const login = (s: Appish, username: string, password: string, code?: string) =>
  s.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(code === undefined ? { username, password } : { username, password, code }),
  });

export async function tokenOf(s: Appish, username: string, password: string, code?: string): Promise<string> {
  const res = await login(s, username, password, code);
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export const call = (
  s: Appish,
  token: string,
  path: string,
  init: { method?: string; json?: unknown } = {},
) =>
  s.app.request(path, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });

export const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

export const rows = <T = Record<string, unknown>>(s: ServerContext, text: string, values: unknown[] = []) =>
  rawQuery<T>(s.deps.db, text, values);

/** Two server instances (two database handles, two session caches) on one fresh PostgreSQL database. */
export async function twoInstancesOnPostgres(): Promise<{
  a: ServerContext;
  b: ServerContext;
  close(): Promise<void>;
}> {
  const baseUrl = process.env.DATABASE_URL!;
  const scratch = await scratchDatabase(baseUrl, 'huiliu_test_two');
  const open = (): Promise<Database> => openDatabase({ databaseUrl: scratch.url });
  const compose = (database: Database) =>
    composeServer({
      database,
      demo: true,
      clock: createTestClock(),
      startPollers: false,
      config: { testClock: true, demoPassword: 'huiliu-demo' },
    });
  const dbA = await open();
  const a = await compose(dbA);
  const dbB = await open();
  const b = await compose(dbB);
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await dbA.close();
      await dbB.close();
      await scratch.drop();
    },
  };
}
