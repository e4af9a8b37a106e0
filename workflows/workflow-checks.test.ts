/**
 * @module The workflows' own rules as the runtime's hooks: every start and completion runs them, whoever calls the
 * runtime (no route involved), in docs/api.md's order, and a refusal writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vars } from '../engine/contract';
import { testDbKinds } from '../platform/db/testing';
import { findEntryByCode } from './catalog/store';
import { seedDemoCatalog } from './demo/seed-demo-catalog';
import { demoUser, openScenario } from './scenario-testing';
import { composeChecks } from './workflow-checks';

const registration = {
  systemName: '人口信息管理系统',
  businessName: '户籍管理',
  resourceName: '流动人口居住登记信息',
  resourceCode: 'XC-GAJ-9101',
  category: 'basic',
  dataItems: [{ name: '公民身份号码', type: 'string', length: 18, sensitive: true }],
  storageFormat: 'database',
  shareType: 'conditional',
  shareCondition: '政务服务身份核验',
  openType: 'forbidden',
  provision: 'api',
  updateCycle: 'daily',
  sharePeriod: 'long-term',
};

/** The AppError code (and Chinese message) a call threw, or 'OK'. */
async function refusal(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'OK';
  } catch (e) {
    return `${(e as { code?: string }).code} ${(e as Error).message}`;
  }
}

describe.each(testDbKinds())('workflow checks through the runtime on %s', (kind) => {
  let s: Awaited<ReturnType<typeof openScenario>>;
  let instancesBefore: () => Promise<number>;
  beforeAll(async () => {
    s = await openScenario(kind, '2026-03-02T09:00:00+08:00', { checks: true });
    await seedDemoCatalog(s.db, new Date('2026-02-02T09:00:00+08:00'));
    instancesBefore = async () => (await s.runtime.listInstances({ pageSize: 100 })).total;
  }, 60_000);
  afterAll(() => s?.close());

  it('given a taken resource code, when a registration starts, then 409 and no instance exists', async () => {
    const before = await instancesBefore();
    const start = () =>
      s.runtime.startInstance({
        processKey: 'catalog-registration',
        user: demoUser('gaj.cataloguer'),
        variables: { ...registration, resourceCode: 'XC-GAJ-0001' },
      });
    expect(await refusal(start)).toBe('CONFLICT 信息资源代码 XC-GAJ-0001 已被使用');
    expect(await instancesBefore()).toBe(before);
  });

  it('given a returned registration, when the revise task takes a code in use, then 409 and the task stays open; a free code completes it', async () => {
    const id = await s.start('catalog-registration', 'gaj.cataloguer', registration);
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'return', comment: '请核对代码' });
    const [revise] = await s.openTasks(id);
    const complete = (resourceCode: string) =>
      s.runtime.completeUserTask({
        taskId: revise.id,
        user: demoUser('gaj.cataloguer'),
        variables: { ...registration, resourceCode },
      });
    expect(await refusal(() => complete('XC-GAJ-0002'))).toBe('CONFLICT 信息资源代码 XC-GAJ-0002 已被使用');
    expect((await s.openTasks(id)).map((t) => [t.id, t.status])).toEqual([[revise.id, 'open']]);
    expect((await s.instance(id)).variables).toMatchObject({ resourceCode: 'XC-GAJ-9101' });
    expect(await refusal(() => complete('XC-GAJ-9102'))).toBe('OK');
    expect((await s.openTasks(id)).map((t) => t.elementId)).toEqual(['unit-approval']);
  });

  it('given an entry code where the entry id belongs, when a change starts, then 404 before the start form is looked at', async () => {
    // The form would refuse these variables (changeType and reason missing): the unknown entry is answered first.
    const start = () =>
      s.runtime.startInstance({
        processKey: 'catalog-change',
        user: demoUser('gaj.cataloguer'),
        variables: { entryId: 'XC-GAJ-0001' },
      });
    expect(await refusal(start)).toBe('NOT_FOUND 目录条目不存在');
  });

  it("given another unit's entry, when a change starts, then 403 after the form passed", async () => {
    const entry = await findEntryByCode(s.db, 'XC-WJJ-0001');
    const start = (variables: Vars) =>
      s.runtime.startInstance({ processKey: 'catalog-change', user: demoUser('gaj.cataloguer'), variables });
    // an invalid form is answered first (422), a state the process refuses next (403)
    expect(await refusal(() => start({ entryId: entry?.id }))).toMatch(/^VALIDATION_FAILED/);
    expect(
      await refusal(() =>
        start({
          entryId: entry?.id,
          changeType: 'modify',
          reason: '代为修改',
          changes: { updateCycle: 'weekly' },
        }),
      ),
    ).toBe('FORBIDDEN 只能对本单位的目录条目申请变更');
  });

  it('given a change request holding its entry, when the instance is cancelled, then the lock goes in the same transaction', async () => {
    const entry = await findEntryByCode(s.db, 'XC-GAJ-0003');
    const id = await s.start('catalog-change', 'gaj.cataloguer', {
      entryId: entry?.id ?? '',
      changeType: 'modify',
      reason: '更新周期调整',
      changes: { updateCycle: 'weekly' },
    });
    expect((await findEntryByCode(s.db, 'XC-GAJ-0003'))?.openChangeInstanceId).toBe(id);
    await s.runtime.cancelInstance({ instanceId: id, reason: '申请撤销', user: demoUser('admin') });
    expect((await s.instance(id)).status).toBe('cancelled');
    expect((await findEntryByCode(s.db, 'XC-GAJ-0003'))?.openChangeInstanceId).toBeNull();
  });

  it('given an entry id that exists nowhere, when a problem is reported, then 404 and no instance exists', async () => {
    const before = await instancesBefore();
    const start = () =>
      s.runtime.startInstance({
        processKey: 'data-problem',
        user: demoUser('wjj.feedback'),
        variables: {
          entryId: '00000000-0000-4000-8000-000000000000',
          problemType: 'error',
          description: '身份证号位数不对',
          urgent: false,
        },
      });
    expect(await refusal(start)).toBe('NOT_FOUND 目录条目不存在');
    expect(await instancesBefore()).toBe(before);
  });
});

describe('composeChecks', () => {
  it('given checks for one key, then other keys (even Object.prototype names) pass untouched', async () => {
    const seen: string[] = [];
    const hooks = composeChecks({
      only: {
        async beforeStart(c) {
          seen.push(`start ${c.processKey}`);
        },
      },
    });
    const user = { username: 'u', unitId: null, roles: [] };
    for (const processKey of ['only', 'other', 'constructor', 'toString'])
      await hooks.checkBeforeStart({ db: undefined as never, processKey, variables: {}, user });
    await hooks.checkBeforeComplete({
      db: undefined as never,
      task: { processKey: 'constructor' } as never,
      variables: {},
      user,
    });
    expect(seen).toEqual(['start only']);
  });
});
