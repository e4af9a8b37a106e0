/**
 * @module catalog-registration's start rules of #17 over HTTP: a second registration of a code already in an open
 * registration is refused (409, in Chinese, naming no UUID), a 共享期限 in the past is refused on its field (422), and
 * neither refusal starts anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { entryFields, type HttpScenario, openHttpScenario } from '../../server/testing/scenario-http';

describe.each(testDbKinds())('catalog-registration start rules over HTTP on %s', (kind) => {
  let s: HttpScenario;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
  }, 120_000);
  afterAll(() => s?.close());
  const total = async (): Promise<number> =>
    (await s.get('/api/process-instances?processKey=catalog-registration&pageSize=100', 'admin')).body.total;

  it('refuses a second registration of a code another open registration holds, clearly and without starting it', async () => {
    // given 县公安局's cataloguer has started a registration of XC-GAJ-9101
    await s.setClock('2026-03-02T09:00:00+08:00');
    await s.start('catalog-registration', 'gaj.cataloguer', entryFields('XC-GAJ-9101'));
    const before = await total();
    // when a colleague starts another registration with the same code
    const again = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: entryFields('XC-GAJ-9101', { resourceName: '另一个名称' }),
    });
    // then it is a 409 in Chinese, with no UUID in it, and nothing started
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^信息资源代码 XC-GAJ-9101 已有一项正在办理的目录注册/);
    expect(again.body.error.message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await total()).toBe(before);
  });

  it('refuses a 共享期限 before today on its field, accepts today and 长期', async () => {
    await s.setClock('2026-03-02T09:00:00+08:00');
    const before = await total();
    // when the period is 2019-01-01
    const past = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: entryFields('XC-GAJ-9102', { sharePeriod: '2019-01-01' }),
    });
    // then a 422 names the field in Chinese and nothing started
    expect(past.status).toBe(422);
    expect(past.body.error.details).toEqual([
      expect.objectContaining({
        path: '/sharePeriod',
        message: expect.stringMatching(/^共享期限 2019-01-01 已过，应为今天（2026-03-02）或以后的日期。$/),
      }),
    ]);
    expect(await total()).toBe(before);
    // and today (China date) is accepted
    const today = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: entryFields('XC-GAJ-9102', { sharePeriod: '2026-03-02' }),
    });
    expect(today.status).toBe(201);
  });
});
