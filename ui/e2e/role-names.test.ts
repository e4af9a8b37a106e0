/**
 * @module Browser test of role names: the UI keeps no role list; the inbox names a task's candidate role by the
 * server's catalog (GET /api/roles, identity/roles.ts), so 数据治理专员 shows as the server spells it, and offers
 * the unit filter to county-wide roles by that catalog's flag.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../identity/roles';
import { browserUnavailableReason } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';
import { seedDemoCatalog } from '../../workflows/demo/seed-demo-catalog';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('role names from the server in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let triageId = '';

  beforeAll(async () => {
    // Pollers on: the data-problem's first service task runs before triage opens.
    ({ server, browser } = await startE2e({ startPollers: true }));
    await seedDemoCatalog(server.deps.db, new Date());
    const list = await server.request('/api/catalog/entries?q=XC-GAJ-0001', { as: 'wjj.feedback' });
    const entry = ((await list.json()) as { items: { id: string; code: string }[] }).items.find(
      (e) => e.code === 'XC-GAJ-0001',
    );
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'wjj.feedback',
      json: {
        processKey: 'data-problem',
        variables: {
          entryId: entry?.id,
          problemType: 'error',
          description: '出生日期晚于登记日期',
          urgent: false,
        },
      },
    });
    expect(started.status).toBe(201);
    const instanceId = ((await started.json()) as { id: string }).id;
    for (const until = Date.now() + 20_000; !triageId && Date.now() < until; ) {
      const res = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, {
        as: 'governance',
      });
      const items = ((await res.json()) as { items: { id: string; elementId: string }[] }).items;
      triageId = items.find((t) => t.elementId === 'triage')?.id ?? '';
      if (!triageId) await new Promise((r) => setTimeout(r, 200));
    }
    expect(triageId, 'governance is offered triage').not.toBe('');
  }, 120_000);
  afterAll(() => closeE2e(server, browser));

  it('given an unclaimed triage task, when governance opens the inbox, then its candidate role shows by the catalog name', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([
      {
        name: 'huiliu_session',
        value: await server.login('governance'),
        url: server.url,
        httpOnly: true,
        sameSite: 'Strict' as const,
      },
    ]);
    const page = await context.newPage();
    const catalogRead = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/roles');
    await page.goto(`${server.url}/tasks?tab=group`);
    expect((await catalogRead).status()).toBe(200);
    const row = page.getByTestId(`task-row-${triageId}`);
    await row.waitFor();
    // then the role is named as identity/roles.ts names it, never by its key
    expect(await row.textContent()).toContain(ROLES['authority.governance'].name);
    expect(await row.textContent()).not.toContain('authority.governance');
    // and a county-wide role (by the same catalog) may filter the inbox by unit
    expect(await page.getByTestId('filter-unit').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/role-names-inbox.png` });
    await context.close();
  });

  it('given a unit role, when its holder opens the inbox, then there is no unit filter (they see their own unit only)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([
      {
        name: 'huiliu_session',
        value: await server.login('gaj.rectifier'),
        url: server.url,
        httpOnly: true,
        sameSite: 'Strict' as const,
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${server.url}/tasks`);
    await page.getByTestId('filter-process').waitFor();
    expect(await page.getByTestId('filter-unit').count()).toBe(0);
    await context.close();
  });
});
