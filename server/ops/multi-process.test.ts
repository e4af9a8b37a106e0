/**
 * @module Three server processes on one PostgreSQL, started together on an empty database (migrations and start-up
 * fills must not collide), task completions driven through all three, one `kill -9`ed under load: no acknowledged
 * completion lost, every unacknowledged one all-or-nothing, its claimed jobs taken over after their lease, each timer
 * fired once. PostgreSQL only: required under CI, skipped elsewhere without DATABASE_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  call,
  emptyDatabase,
  login,
  openReviewTasks,
  type ServerProcess,
  spawnServer,
} from './testing/spawn-server';

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl && process.env.CI === 'true')
  throw new Error('CI=true but DATABASE_URL is not set (see .ci/run)');

const LEASE_MS = 3000;
const password = 'huiliu-demo';

describe.skipIf(!baseUrl)('three processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  let servers: ServerProcess[] = [];
  let client: pg.Client;

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await client?.end().catch(() => {});
    await database?.drop();
  });

  it('given an empty database, when three start at once and one is killed under load, then nothing is lost, doubled or half-written', async () => {
    database = await emptyDatabase(baseUrl as string);
    const env = {
      DATABASE_URL: database.url,
      HUILIU_DEMO: '1',
      HUILIU_DEMO_PASSWORD: password,
      HUILIU_JOB_LEASE_MS: String(LEASE_MS),
      HUILIU_TIMER_LEASE_MS: String(LEASE_MS),
      LOG_LEVEL: 'warn',
    };
    // given: three processes started at the same moment on an empty database
    servers = await Promise.all([spawnServer(env), spawnServer(env), spawnServer(env)]);
    await Promise.all(servers.map((s) => s.waitReady(90_000)));
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const count = async (q: string, v: unknown[] = []) => Number((await client.query(q, v)).rows[0].n);
    // Start-up fills ran once: one version of each shipped process, one set of demo users.
    expect(await count(`select count(*) as n from process_definitions where key = 'data-problem'`)).toBe(1);
    expect(await count(`select count(*) as n from users where username = 'admin'`)).toBe(1);

    const admin = await login(servers[0].url, 'admin', password);
    const reviewer = await login(servers[1].url, 'reviewer', password);
    const tasks = await openReviewTasks(servers[2].url, admin, reviewer, 120);

    // when: 6 clients complete them round-robin over the three; process 2 is killed after a third are done
    const acknowledged = new Set<string>();
    const unacknowledged = new Set<string>();
    const queue = [...tasks.values()];
    let done = 0;
    let killedClaims: string[] = [];
    const victim = servers[2];
    const kill = (async () => {
      while (done < queue.length / 3) await new Promise((r) => setTimeout(r, 5));
      victim.child.kill('SIGKILL');
      await victim.exited;
      // Jobs the dead process had claimed and not finished: the others must take them after the lease.
      killedClaims = (
        await client.query(`select id from jobs where status = 'ready' and locked_until > now()`)
      ).rows.map((r) => r.id as string);
    })();
    let turn = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const server = servers[turn++ % 3];
          const r = await call(server.url, 'POST', `/api/tasks/${id}/complete`, {
            token: reviewer,
            json: { variables: {} },
          });
          if (r.status === 200) acknowledged.add(id);
          else if (r.status === 0 && server === victim) unacknowledged.add(id);
          else throw new Error(`complete ${id} on ${server.url}: ${r.status} ${JSON.stringify(r.body)}`);
          done++;
        }
      }),
    );
    await kill;
    console.info(
      `[multi-process] acknowledged ${acknowledged.size}, unacknowledged ${unacknowledged.size}, claimed by the killed process ${killedClaims.length}`,
    );

    // then: every acknowledged completion is there
    const completed = new Set(
      (
        await client.query(`select id from user_tasks where element_id = 'review' and status = 'completed'`)
      ).rows.map((r) => r.id as string),
    );
    for (const id of acknowledged) expect(completed.has(id)).toBe(true);
    // every unacknowledged one is all or nothing: its task closed together with the job its step created, or neither
    expect(
      await count(`select count(*) as n from user_tasks t where t.element_id = 'review'
        and (t.status = 'completed') <> exists (select 1 from jobs j where j.instance_id = t.instance_id)`),
    ).toBe(0);
    // a client retries the unacknowledged ones on a live process: 200 if it had not committed, 409 if it had
    for (const id of unacknowledged) {
      const r = await call(servers[0].url, 'POST', `/api/tasks/${id}/complete`, {
        token: reviewer,
        json: { variables: {} },
      });
      expect([200, 409]).toContain(r.status);
      expect(r.status === 409).toBe(completed.has(id));
    }

    // the survivors finish every job (the dead one's claims after their lease) and fire every timer
    const until = Date.now() + LEASE_MS + 40_000;
    while (
      Date.now() < until &&
      (await count(
        `select count(*) as n from process_instances where process_key = 'ops-test' and status <> 'completed'`,
      )) > 0
    )
      await new Promise((r) => setTimeout(r, 250));
    expect(
      await count(
        `select count(*) as n from process_instances where process_key = 'ops-test' and status = 'completed'`,
      ),
    ).toBe(tasks.size);
    if (killedClaims.length)
      expect(
        await count(`select count(*) as n from jobs where id = any($1::uuid[]) and status = 'completed'`, [
          killedClaims,
        ]),
      ).toBe(killedClaims.length);
    // each job ran once (its notification was written once) and each timer fired once (one history shape for all)
    expect(
      await count(
        `select count(*) as n from jobs where status <> 'completed' and instance_id in (select id from process_instances where process_key = 'ops-test')`,
      ),
    ).toBe(0);
    const perInstance = await client.query(
      `select i.id, (select count(*) from notifications n where n.instance_id = i.id) as notes,
              (select count(*) from timers t where t.instance_id = i.id and t.status = 'fired') as fired,
              (select string_agg(h.type || ':' || coalesce(h.element_id, ''), ',' order by h.id) from history_events h where h.instance_id = i.id) as shape
       from process_instances i where i.process_key = 'ops-test'`,
    );
    const shapes = new Set(perInstance.rows.map((r) => r.shape));
    expect(shapes.size).toBe(1);
    for (const r of perInstance.rows) {
      expect(Number(r.fired)).toBe(1);
      expect(Number(r.notes)).toBe(Number(perInstance.rows[0].notes));
    }
    expect(Number(perInstance.rows[0].notes)).toBeGreaterThan(0);
    // the two survivors are still up and serving
    for (const s of servers.slice(0, 2)) expect((await call(s.url, 'GET', '/readyz')).status).toBe(200);
  }, 180_000);
});
