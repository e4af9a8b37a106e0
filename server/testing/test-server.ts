/**
 * @module Test servers: the whole app on a fresh test database, in-process (`request`) or listening on a port.
 * Every JSON response is checked against its route's response schema (./response-check.ts): a mismatch throws in
 * the request that got it, and `close()` fails if any was seen (a browser test's requests do not throw to it).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTestClock } from '../../platform/clock';
import { type ComposeOptions, composeServer, type ServerContext } from '../compose';
import { openTestDatabase, type TestDbKind } from '../../platform/db/testing';
import { checkResponses } from './response-check';

export interface TestServer extends ServerContext {
  /** Calls the app in-process; `as` logs in first (demo password) and sends the token. */
  request(path: string, init?: RequestInit & { as?: string; json?: unknown }): Promise<Response>;
  login(username: string): Promise<string>;
}

export async function createTestServer(kind: TestDbKind, options: ComposeOptions = {}): Promise<TestServer> {
  const database = await openTestDatabase(kind);
  const ctx = await composeServer({
    database,
    demo: true,
    clock: createTestClock(),
    startPollers: false,
    ...options,
    config: { testClock: true, demoPassword: 'huiliu-demo', ...options.config },
  });
  const { mismatches } = checkResponses(ctx.app);
  const tokens = new Map<string, string>();
  const login = async (username: string) => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const res = await ctx.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'huiliu-demo' }),
    });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const token = ((await res.json()) as { token: string }).token;
    tokens.set(username, token);
    return token;
  };
  return {
    ...ctx,
    login,
    async request(path, init = {}) {
      const { as, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set('authorization', `Bearer ${await login(as)}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return ctx.app.request(path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
    },
    async close() {
      await ctx.close();
      await database.close();
      if (mismatches.length) throw new Error(`responses not matching their schemas:\n${mismatches.join('\n')}`);
    },
  };
}

/** The same app listening on 127.0.0.1 on a free port, for browser tests. */
export async function startListeningTestServer(kind: TestDbKind, options: ComposeOptions = {}) {
  const server = await createTestServer(kind, options);
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = http.address() as AddressInfo;
  return {
    ...server,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
    },
  };
}
