/**
 * @module One real server process on the embedded database, as production runs it: JSON request lines with request
 * ids, /metrics from loopback only, no password or token ever in its output, and a graceful SIGTERM with requests and
 * jobs in flight (every in-flight request answered, claimed jobs handed back, exit 0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/open-db';
import { rawQuery } from '../../platform/db/raw';
import { call, login, openReviewTasks, type ServerProcess, spawnServer } from './testing/spawn-server';

const password = `pw-${randomBytes(9).toString('hex')}`;
const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-ops-'));
let server: ServerProcess;
let admin: string;
let reviewer: string;

const lines = () =>
  server
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  server = await spawnServer({
    HUILIU_DATA_DIR: path.join(dir, 'data'),
    HUILIU_DEMO_PASSWORD: password,
    LOG_LEVEL: 'debug',
  });
  await server.waitReady();
  admin = await login(server.url, 'admin', password);
  reviewer = await login(server.url, 'reviewer', password);
});

afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a server process', () => {
  it('given requests, when they are answered, then each writes one JSON line with reqId, user, method, route, status and ms', async () => {
    const given = `trace-${randomBytes(4).toString('hex')}`;
    const me = await call(server.url, 'GET', '/api/me', { token: admin, headers: { 'x-request-id': given } });
    expect(me.status).toBe(200);
    expect(me.headers?.get('x-request-id')).toBe(given);
    // A malformed id (spaces, too long) is replaced, not echoed into logs and headers.
    const odd = await call(server.url, 'GET', '/api/me', {
      token: admin,
      headers: { 'x-request-id': 'a b "c"' },
    });
    expect(odd.headers?.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await call(server.url, 'GET', '/api/tasks/00000000-0000-4000-8000-000000000000', {
      token: admin,
    });
    expect(missing.status).toBe(404);
    // Lines are written in batches at least every 500 ms.
    const logged = () => lines().some((l) => l.reqId === given) && lines().some((l) => l.status === 404);
    for (let i = 0; i < 30 && !logged(); i++) await new Promise((r) => setTimeout(r, 100));
    const line = lines().find((l) => l.reqId === given);
    expect(line).toMatchObject({
      reqId: given,
      user: 'admin',
      method: 'GET',
      route: '/api/me',
      status: 200,
      level: 'info',
    });
    expect(typeof line?.ms).toBe('number');
    // The route is the pattern, never the raw path with an id in it.
    expect(lines().some((l) => l.route === '/api/tasks/:id' && l.status === 404)).toBe(true);
  });

  it('given a loopback client, when it scrapes /metrics, then it gets Prometheus text with the names docs/api.md lists; a forwarded client is refused', async () => {
    const m = await call(server.url, 'GET', '/metrics');
    expect(m.status).toBe(200);
    expect(m.headers?.get('content-type')).toContain('text/plain');
    for (const name of [
      'huiliu_http_request_duration_seconds_bucket',
      'huiliu_engine_step_duration_seconds',
      'huiliu_jobs_pending',
      'huiliu_timers_due',
      'huiliu_incidents_open',
      'huiliu_tasks_open',
      'huiliu_tasks_overdue',
      'process_cpu_user_seconds_total',
    ])
      expect(m.body).toContain(name);
    expect(m.body).toMatch(
      /huiliu_http_request_duration_seconds_count\{method="GET",route="\/api\/me",status="200"\} \d+/,
    );
    const viaProxy = await call(server.url, 'GET', '/metrics', {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(viaProxy.status).toBe(403);
    expect(viaProxy.body.error.code).toBe('FORBIDDEN');
  });

  it('given completions and their jobs in flight, when SIGTERM arrives, then every request is answered, claimed jobs are handed back, and it exits 0', async () => {
    const tasks = [...(await openReviewTasks(server.url, admin, reviewer, 40)).values()];
    // The first 24 run jobs that are in progress or queued when the signal comes; the last 8 are in flight.
    await Promise.all(
      tasks
        .slice(0, 24)
        .map((id) =>
          call(server.url, 'POST', `/api/tasks/${id}/complete`, { token: reviewer, json: { variables: {} } }),
        ),
    );
    const inFlight = tasks
      .slice(24, 32)
      .map((id) =>
        call(server.url, 'POST', `/api/tasks/${id}/complete`, { token: reviewer, json: { variables: {} } }),
      );
    await new Promise((r) => setTimeout(r, 15));
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    const exit = await server.exited;
    expect(answers.map((a) => a.error ?? a.status)).toEqual(answers.map(() => 200));
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(server.output()).toContain('已停止 stopped');
    // After the stop: nothing claimed and left behind, every completion's step and job all there or not at all.
    const database = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      const left = await rawQuery(
        database.db,
        `select count(*)::int as n from jobs where status = 'ready' and lock_owner is not null`,
        [],
      );
      expect(left[0].n).toBe(0);
      const half = await rawQuery(
        database.db,
        `select count(*)::int as n from user_tasks t where t.element_id = 'review' and t.status = 'completed'
           and not exists (select 1 from jobs j where j.instance_id = t.instance_id)`,
        [],
      );
      expect(half[0].n).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('given the whole run, when its output is searched, then neither the password nor a session token appears', () => {
    const out = server.output();
    expect(out.length).toBeGreaterThan(1000);
    expect(out).not.toContain(password);
    expect(out).not.toContain(admin);
    expect(out).not.toContain(reviewer);
  });
});
