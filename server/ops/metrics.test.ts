/** @module GET /metrics access rules and figures, in-process (no socket: never loopback). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import client from 'prom-client';
import { createRouter } from '../http/env';
import { createTestServer, type TestServer } from '../testing/test-server';
import type { Metrics } from './metrics';
import { mountMetrics } from './metrics-route';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer('pglite', { config: { metricsToken: 'scrape-secret' } });
});
afterAll(async () => server?.close());

describe('GET /metrics', () => {
  it('given HUILIU_METRICS_TOKEN, when scraped without it or with a wrong one, then 401 in docs/api.md shape', async () => {
    for (const auth of [undefined, 'Bearer wrong', 'Bearer scrape-secre', 'scrape-secret']) {
      const res = await server.request('/metrics', { headers: auth ? { authorization: auth } : {} });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('given the token, when scraped, then the queue gauges match the database and routes are patterns', async () => {
    const me = await server.request('/api/me', { as: 'admin' });
    expect(me.status).toBe(200);
    await server.request('/api/tasks/00000000-0000-4000-8000-000000000000', { as: 'admin' });
    const res = await server.request('/metrics', { headers: { authorization: 'Bearer scrape-secret' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^huiliu_tasks_open \d+$/m);
    expect(text).toMatch(/^huiliu_jobs_pending 0$/m);
    expect(text).toMatch(/^huiliu_incidents_open 0$/m);
    expect(text).toContain('route="/api/tasks/:id",status="404"');
    expect(text).not.toContain('00000000-0000-4000');
  });

  it('given no token configured, when read without a loopback socket, then 403', async () => {
    const app = createRouter();
    mountMetrics(app, { registry: new client.Registry() } as Metrics, undefined);
    const res = await app.request('/metrics');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
