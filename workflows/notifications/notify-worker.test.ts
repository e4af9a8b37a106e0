/** @module The `notify` worker: recipients from header tokens, templates, read state, and working-days-only reminders. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { testDbKinds } from '../../platform/db/testing';
import { makeJob, openDomainDb, testDeps } from '../testing';
import {
  createNotifyWorker,
  fillTemplate,
  listNotifications,
  markNotificationsRead,
  resolveRecipient,
} from '.';

describe('notify tokens', () => {
  it('resolves initiator, unscoped unit roles, role@variable, role@* and county-wide roles', () => {
    const vars = { initiator: 'gaj.cataloguer', initiatorUnitId: 'gaj', sourceUnitId: 'wjj' };
    expect(resolveRecipient('initiator', vars)).toEqual({ username: 'gaj.cataloguer' });
    expect(resolveRecipient('unit.leader', vars)).toEqual({ role: 'unit.leader', unitId: 'gaj' });
    expect(resolveRecipient('unit.leader@sourceUnitId', vars)).toEqual({
      role: 'unit.leader',
      unitId: 'wjj',
    });
    expect(resolveRecipient('unit.leader@*', vars)).toEqual({ role: 'unit.leader' });
    expect(resolveRecipient(' supervisor ', vars)).toEqual({ role: 'supervisor' });
    expect(resolveRecipient('initiator', {})).toBeNull();
    expect(fillTemplate('目录“{resourceName}”{missing}', { resourceName: '常住人口' })).toBe(
      '目录“常住人口”{missing}',
    );
  });
});

describe.each(testDbKinds())('notify worker on %s', (kind) => {
  let database: Database;
  const deps = testDeps('2026-10-09T10:00:00+08:00');
  const notify = createNotifyWorker(deps);
  beforeAll(async () => {
    database = await openDomainDb(kind);
  }, 60_000);
  afterAll(() => database?.close());

  it('writes one row per user, deduplicated, with filled templates; marks read per user', async () => {
    const headers = {
      to: 'initiator,unit.leader,unit.cataloguer',
      title: '目录已发布: {resourceName}',
      body: '代码 {resourceCode}',
    };
    await notify(
      makeJob(
        database.db,
        'notify',
        { initiator: 'gaj.cataloguer', initiatorUnitId: 'gaj', resourceName: '常住人口', resourceCode: 'A1' },
        { headers },
      ),
    );
    const mine = await listNotifications(database.db, 'gaj.cataloguer');
    expect(mine.items.map((n) => [n.title, n.body])).toEqual([['目录已发布: 常住人口', '代码 A1']]);
    expect(mine.unread).toBe(1);
    expect((await listNotifications(database.db, 'gaj.leader')).unread).toBe(1);
    expect((await listNotifications(database.db, 'wjj.leader')).unread).toBe(0);
    expect(await markNotificationsRead(database.db, 'gaj.cataloguer', deps.now())).toBe(1);
    expect((await listNotifications(database.db, 'gaj.cataloguer')).unread).toBe(0);
    expect((await listNotifications(database.db, 'gaj.leader')).unread).toBe(1);
  });

  it('sends nothing on a day off when the header asks for working days only', async () => {
    const headers = { to: 'supervisor', title: '催办', workdaysOnly: 'true' };
    deps.setNow('2026-10-03T23:59:59+08:00'); // National Day holiday
    await notify(makeJob(database.db, 'notify', {}, { headers }));
    expect((await listNotifications(database.db, 'supervisor')).unread).toBe(0);
    deps.setNow('2026-10-11T23:59:59+08:00'); // an ordinary Sunday
    await notify(makeJob(database.db, 'notify', {}, { headers }));
    expect((await listNotifications(database.db, 'supervisor')).unread).toBe(0);
    deps.setNow('2026-10-10T23:59:59+08:00'); // Saturday 2026-10-10 is a make-up working day (调休)
    await notify(makeJob(database.db, 'notify', {}, { headers }));
    expect((await listNotifications(database.db, 'supervisor')).unread).toBe(1);
  });
});
