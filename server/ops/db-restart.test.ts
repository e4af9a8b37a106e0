/**
 * @module PostgreSQL restarted under load: a server process on a cluster of its own keeps running, answers 503
 * DATABASE_UNAVAILABLE (never 500) while the database is away, recovers by itself when it is back, and nothing is
 * half-written. Needs PostgreSQL's binaries and root (to run them as `postgres`): required under CI, else skipped.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { call, login, openReviewTasks, type ServerProcess, spawnServer } from './testing/spawn-server';
import { postgresBin, type ThrowawayPostgres, throwawayPostgres } from './testing/throwaway-postgres';

const bin = postgresBin();
if (!bin && process.env.CI === 'true')
  throw new Error('CI=true but PostgreSQL binaries (or root) are missing (see .ci/run)');

describe.skipIf(!bin)('PostgreSQL restarted under load', () => {
  let cluster: ThrowawayPostgres | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    cluster?.destroy();
  });

  it('given completions in flight, when PostgreSQL stops for 3 s and comes back, then 503s not 500s, the process lives on and recovers, nothing half-written', async () => {
    cluster = await throwawayPostgres(bin as string);
    server = await spawnServer({ DATABASE_URL: cluster.url, HUILIU_DEMO: '1', LOG_LEVEL: 'warn' });
    await server.waitReady(90_000);
    const url = server.url;
    const admin = await login(url, 'admin', 'huiliu-demo');
    const reviewer = await login(url, 'reviewer', 'huiliu-demo');
    const queue = [...(await openReviewTasks(url, admin, reviewer, 200)).values()];

    // when: 4 clients complete tasks and read their inbox while the database stops and starts
    const statuses = new Map<number, number>();
    const unavailable: string[] = [];
    let stopAfter = 20;
    let running = true;
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (running) {
          const id = queue.shift();
          const r = id
            ? await call(url, 'POST', `/api/tasks/${id}/complete`, {
                token: reviewer,
                json: { variables: {} },
              })
            : await call(url, 'GET', '/api/tasks', { token: reviewer });
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 503) {
            expect(r.body.error.code).toBe('DATABASE_UNAVAILABLE');
            expect(r.body.error.message).toMatch(/数据库暂时不可用/);
            if (id) unavailable.push(id);
            await new Promise((r) => setTimeout(r, 20));
          }
          stopAfter--;
        }
      }),
    );
    while (stopAfter > 0) await new Promise((r) => setTimeout(r, 10));
    cluster.stop();
    await new Promise((r) => setTimeout(r, 3000));
    cluster.start();
    // then: within 20 s of the restart every kind of request succeeds again
    const until = Date.now() + 20_000;
    let recovered = false;
    while (!recovered && Date.now() < until) {
      const a = await call(url, 'GET', '/api/tasks', { token: reviewer });
      const b = await call(url, 'GET', '/readyz');
      recovered = a.status === 200 && b.status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    running = false;
    await load;
    expect(recovered).toBe(true);
    expect(server.child.exitCode).toBe(null);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(statuses.get(0) ?? 0).toBe(0);
    expect(server.output()).not.toMatch(/Unhandled 'error' event|uncaught exception/);

    // nothing half-written: a task is closed exactly when the job its step created exists
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const half =
        await client.query(`select count(*)::int as n from user_tasks t where t.element_id = 'review'
        and (t.status = 'completed') <> exists (select 1 from jobs j where j.instance_id = t.instance_id)`);
      expect(half.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
    // and a completion refused with 503 can simply be sent again
    for (const id of unavailable.slice(0, 5)) {
      const r = await call(url, 'POST', `/api/tasks/${id}/complete`, {
        token: reviewer,
        json: { variables: {} },
      });
      expect([200, 409]).toContain(r.status);
    }
  }, 150_000);
});
