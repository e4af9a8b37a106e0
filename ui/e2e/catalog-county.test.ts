/**
 * @module Browser test of the catalog at county scale (#11): a cataloguer finds an entry by a data item's name on
 * page 3 of a filtered list, a supervisor sees a stale entry on the dashboard, and a unit leader opens the published
 * bulletin from its notification.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';
import { entryFields } from '../../server/testing/scenario-http';
import type { EntryFields } from '../../workflows/catalog';
import * as store from '../../workflows/catalog/store';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('catalog at county scale in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    // Pollers on: the bulletin's service tasks and notifications are done by workers.
    ({ server, browser } = await startE2e({ startPollers: true }));
    const system = await store.insertSystem(server.deps.db, { unitId: 'gaj', name: '人口信息管理系统' });
    // 45 entries of 县公安局, published long ago and never collected (每日: stale); the odd ones carry 婚姻状况
    for (let i = 1; i <= 45; i++) {
      const code = `XC-GAJ-${String(i).padStart(4, '0')}`;
      const items = [{ name: `户籍项${i}`, type: 'string', sensitive: false }];
      if (i % 2 === 1) items.push({ name: '婚姻状况', type: 'string', sensitive: true });
      const fields = entryFields(code, { resourceName: `人口资源${i}`, dataItems: items }) as EntryFields;
      const entry = await store.createEntry(server.deps.db, {
        code,
        unitId: 'gaj',
        systemId: system.id,
        fields,
        publishedAt: new Date(Date.now() - 30 * 86_400_000),
      });
      ids.set(code, entry.id);
    }
  }, 120_000);
  afterAll(() => closeE2e(server, browser));

  async function loginAs(username: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await logInThroughUi(page, server.url, username);
    return page;
  }

  it('given a unit filter, when a cataloguer searches a data item name and opens page 3, then the 21st match is there', async () => {
    const page = await loginAs('gaj.cataloguer');
    await page.goto(`${server.url}/catalog?unit=gaj&pageSize=10`);
    await page.getByTestId('catalog-search').locator('input').fill('婚姻');
    await page.getByTestId('catalog-search').locator('input').press('Enter');
    // 23 odd entries match: 10 a page, page 3 holds the 21st to 23rd (codes 41, 43, 45)
    await expect.poll(() => page.getByTestId('catalog-total').textContent()).toBe('共 23 条');
    await page.locator('.ant-pagination-item-3').click();
    const third = ids.get('XC-GAJ-0041') as string;
    await page.getByTestId(`catalog-entry-${third}`).waitFor();
    expect(page.url()).toContain('page=3');
    await expect.poll(() => page.getByTestId(`catalog-stale-${third}`).isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/catalog-county-page3.png` });
  });

  it('given stale entries, when a supervisor opens the dashboard, then the stale card lists them', async () => {
    const page = await loginAs('supervisor');
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('stale-card').waitFor();
    await page.getByTestId('stale-entry-XC-GAJ-0001').waitFor();
    await expect.poll(() => page.getByTestId('stale-all').textContent()).toBe('全部 45 条');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-stale.png` });
  });

  it('given a published bulletin, when a unit leader clicks its notification, then the bulletin page shows the summary', async () => {
    // the governance officer prepares and publishes a bulletin with an edited summary
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'governance',
      json: { processKey: 'bulletin', variables: {} },
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const instanceId = ((await started.json()) as { id: string }).id;
    let taskId: string | undefined;
    await expect
      .poll(
        async () => {
          const res = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, {
            as: 'governance',
          });
          taskId = ((await res.json()) as { items: { id: string }[] }).items[0]?.id;
          return taskId;
        },
        { timeout: 20_000 },
      )
      .toBeDefined();
    const summary = '本月各单位目录更新情况：县公安局有目录超过更新周期未归集，请抓紧归集。';
    const done = await server.request(`/api/tasks/${taskId}/complete`, {
      method: 'POST',
      as: 'governance',
      json: { variables: { decision: 'publish', summary } },
    });
    expect(done.status, await done.clone().text()).toBe(200);
    // the leader opens it from the bell
    const page = await loginAs('gaj.leader');
    await expect
      .poll(() => page.getByTestId('notifications-bell').getAttribute('aria-label'), { timeout: 20_000 })
      .toMatch(/通知（\d+）/);
    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: '已发布' }).first().click();
    await page.getByTestId('bulletin-summary').waitFor();
    expect(page.url()).toMatch(/\/bulletins\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('bulletin-summary').textContent()).toBe(summary);
    await expect.poll(() => page.getByTestId('bulletin-title').textContent()).toMatch(/^公共数据工作通报/);
    await page.screenshot({ path: `${ARTIFACTS}/bulletin-page.png` });
  });
});
