/** @module Deploying the shipped workflows (never over an administrator's version unless forced) and the demo seed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../platform/db/testing';
import { deployShippedWorkflows, SHIPPED_PROCESS_KEYS, seedDemoContent, shippedWorkflows } from '.';
import { openScenario } from './scenario-testing';
import { listNotifications } from './notifications';
import { listOverdue } from './supervision';

describe('shipped workflows', () => {
  it('lists each process with its BPMN first', () => {
    const all = shippedWorkflows();
    expect(all.map((w) => w.key)).toEqual(SHIPPED_PROCESS_KEYS);
    for (const w of all) {
      expect(w.resources[0].name).toBe(`${w.key}.bpmn`);
      expect(w.resources[0].content).toContain(`<bpmn:process id="${w.key}"`);
    }
  });
});

describe.each(testDbKinds())('deploy and seed on %s', (kind) => {
  let s: Awaited<ReturnType<typeof openScenario>>;
  beforeAll(async () => {
    s = await openScenario(kind, '2026-11-20T10:00:00+08:00');
  }, 60_000);
  afterAll(() => s?.close());

  it('keeps an administrator version on restart and replaces it only when forced', async () => {
    // given an administrator deployed version 2 of the registration
    const shipped = shippedWorkflows()[0].resources[0].content;
    const edited = shipped.replace('name="目录编制与注册"', 'name="目录编制与注册(试行)"');
    await s.runtime.deployResources({
      name: 'admin',
      resources: [{ name: 'catalog-registration.bpmn', content: edited }],
    });
    // when the server restarts, nothing is redeployed
    const restart = await deployShippedWorkflows(s.runtime);
    expect(restart.map((r) => [r.key, r.action, r.version])).toEqual([
      ['catalog-registration', 'skipped', 2],
      ['catalog-change', 'skipped', 1],
      ['data-problem', 'skipped', 1],
      ['bulletin', 'skipped', 1],
    ]);
    // then `deploy workflows` forces the shipped file back as the latest; identical ones stay
    const forced = await deployShippedWorkflows(s.runtime, { force: true });
    expect(forced.map((r) => [r.key, r.action, r.version])).toEqual([
      ['catalog-registration', 'deployed', 3],
      ['catalog-change', 'unchanged', 1],
      ['data-problem', 'unchanged', 1],
      ['bulletin', 'unchanged', 1],
    ]);
  });

  it('seeds the demo catalog and problems once, one of them overdue and reminded', async () => {
    const first = await seedDemoContent({ database: s.database, calendar: s.calendar, now: s.now() });
    expect(first).toEqual({ entries: 6, problems: 3 });
    expect(await seedDemoContent({ database: s.database, calendar: s.calendar, now: s.now() })).toEqual({
      entries: 0,
      problems: 0,
    });
    await s.drain();
    const overdue = await listOverdue(s.db, s.calendar, s.now());
    expect(overdue.map((o) => [o.task.elementId, o.unitName])).toEqual([['rectify', '县公安局']]);
    const leader = await listNotifications(s.db, 'gaj.leader');
    expect(leader.items.filter((n) => n.kind === 'reminder').length).toBe(1);
  });
});
