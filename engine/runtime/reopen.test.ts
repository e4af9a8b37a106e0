/** @module Durability: closing the database in the middle of a run loses nothing that was acknowledged. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../platform/db/open-db';
import { testDbKinds } from '../../platform/db/testing';
import { approvalXml, timerXml } from './testing/fixtures';
import { testRuntime, users } from './testing/harness';

/** A database that can be closed and opened again: a PGlite folder, or a PostgreSQL database of our own. */
async function reopenable(kind: 'pglite' | 'postgres') {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-reopen-'));
    return {
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.DATABASE_URL as string;
  const name = `huiliu_reopen_${Date.now().toString(36)}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    open: () => openDatabase({ databaseUrl: url.toString() }),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

describe.each(testDbKinds())('reopening %s mid-run', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('given steps in flight when the database closes, then every acknowledged step is there after reopening', async () => {
    const store = await reopenable(kind);
    cleanups.push(store.drop);
    let database: Database = await store.open();
    let h = testRuntime(database);
    await h.runtime.deployResources({
      resources: [
        { name: 'a.bpmn', content: approvalXml },
        { name: 't.bpmn', content: timerXml },
      ],
    });
    const timed = await h.runtime.startInstance({ processKey: 'timed', user: users.catA });
    await h.runtime.start();

    const acknowledged: string[] = [];
    const inflight = Array.from({ length: 40 }, (_, i) =>
      h.runtime
        .startInstance({ processKey: 'approval', businessKey: `R-${i}`, user: users.catA })
        .then((inst) => acknowledged.push(inst.id))
        .catch(() => {}),
    );
    while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 2));
    await h.runtime.stop();
    await database.close().catch(() => {});
    // pg's pool never settles requests still queued at end(): like a killed process, they just never answer.
    await Promise.race([Promise.all(inflight), new Promise((r) => setTimeout(r, 2000))]);
    const acked = [...acknowledged];
    expect(acked.length).toBeGreaterThanOrEqual(10);

    database = await store.open();
    const now = h.clock.now();
    h = testRuntime(database);
    h.clock.set(now);
    cleanups.unshift(() => database.close());
    for (const id of acked) {
      const inst = await h.runtime.getInstance(id);
      expect(inst).toMatchObject({ status: 'active', activeElementIds: ['fill'] });
      const tasks = await h.runtime.listTasks({ user: users.catA, scope: 'group', processInstanceId: id });
      expect(tasks.items.map((t) => t.elementId)).toEqual(['fill']);
    }
    // Work scheduled before the restart carries on: the timer survives, and a task completes.
    h.clock.advance(3_600_000);
    expect(await h.runtime.fireDueTimers()).toBe(1);
    expect((await h.runtime.getInstance(timed.id)).activeElementIds).toEqual(['after']);
    const [first] = (
      await h.runtime.listTasks({ user: users.catA, scope: 'group', processInstanceId: acked[0] })
    ).items;
    const { instance } = await h.runtime.completeUserTask({ taskId: first.id, user: users.catA });
    expect(instance.activeElementIds).toEqual(['review']);
  }, 180_000);
});
