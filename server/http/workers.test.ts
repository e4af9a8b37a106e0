/**
 * @module HUILIU_WORKERS: the setting refused clearly when it cannot work, and on PostgreSQL two worker processes on
 * one port that both serve task completions and stop gracefully together on SIGTERM (exit 0, nothing lost).
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  call,
  emptyDatabase,
  login,
  openReviewTasks,
  type ServerProcess,
  spawnServer,
} from '../ops/testing/spawn-server';
import { workerCount } from './workers';

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl && process.env.CI === 'true')
  throw new Error('CI=true but DATABASE_URL is not set (see .ci/run)');
const password = 'huiliu-demo';

describe('workerCount', () => {
  it('given no setting or 1, then one process; given n on PostgreSQL, then n', () => {
    expect(workerCount({})).toBe(1);
    expect(workerCount({ HUILIU_WORKERS: ' 1 ' })).toBe(1);
    expect(workerCount({ HUILIU_WORKERS: '3', DATABASE_URL: 'postgres://x/y' })).toBe(3);
  });

  it('given a value that is not a whole number from 1 to 64, then a clear error in Chinese and English', () => {
    for (const bad of ['0', '-2', '2.5', 'two', '65'])
      expect(() => workerCount({ HUILIU_WORKERS: bad, DATABASE_URL: 'postgres://x/y' })).toThrow(
        /须为 1 到 64 的整数.*must be a whole number/,
      );
  });

  it('given several workers on the embedded database, then refused: one process owns its folder', () => {
    expect(() => workerCount({ HUILIU_WORKERS: '2' })).toThrow(/需要 PostgreSQL.*need PostgreSQL/);
  });
});

describe.skipIf(!baseUrl)('two workers on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  it('given HUILIU_WORKERS=2, when completions arrive on many connections, then both workers serve and SIGTERM stops both with exit 0', async () => {
    database = await emptyDatabase(baseUrl as string);
    // given
    server = await spawnServer({
      DATABASE_URL: database.url,
      HUILIU_DEMO: '1',
      HUILIU_DEMO_PASSWORD: password,
      HUILIU_WORKERS: '2',
    });
    await server.waitReady(90_000);
    // readiness answers once the first worker listens; the second may still be starting (under load, seconds
    // later), and until it listens the primary hands every connection to the first
    const readyPids = () =>
      new Set(
        (server?.output() ?? '')
          .split('\n')
          .filter((l) => l.startsWith('{') && l.includes('ready at'))
          .map((l) => (JSON.parse(l) as { pid?: number }).pid),
      );
    for (let waited = 0; readyPids().size < 2 && waited < 90_000; waited += 200)
      await new Promise((r) => setTimeout(r, 200));
    expect(readyPids().size).toBe(2);
    const admin = await login(server.url, 'admin', password);
    const reviewer = await login(server.url, 'reviewer', password);
    const tasks = [...(await openReviewTasks(server.url, admin, reviewer, 24)).values()];
    // when: fetch opens connections of its own, which the primary hands to the workers in turn
    const answers = await Promise.all(
      tasks.map((id) =>
        call(server?.url as string, 'POST', `/api/tasks/${id}/complete`, {
          token: reviewer,
          json: { variables: {} },
        }),
      ),
    );
    // then
    expect(answers.map((a) => a.status)).toEqual(tasks.map(() => 200));
    // each worker writes its request lines on its own pipe, so they may arrive after the answers: wait for all
    const completionLines = () =>
      (server?.output() ?? '')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { pid?: number; route?: string; status?: number })
        .filter((l) => l.route === '/api/tasks/:id/complete');
    for (let waited = 0; completionLines().length < tasks.length && waited < 30_000; waited += 200)
      await new Promise((r) => setTimeout(r, 200));
    const lines = completionLines();
    expect(lines).toHaveLength(tasks.length);
    const servedBy = new Set(lines.map((l) => l.pid));
    expect(servedBy.size).toBe(2);
    const stopped = await server.stop('SIGTERM');
    expect(stopped).toEqual({ code: 0, signal: null });
    // and every completion answered is in the database
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const done = await client.query(
        `select count(*)::int as n from user_tasks where id = any($1::uuid[]) and status = 'completed'`,
        [tasks],
      );
      expect(done.rows[0].n).toBe(tasks.length);
    } finally {
      await client.end();
    }
  });
});
