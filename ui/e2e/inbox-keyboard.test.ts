/**
 * @module Browser test of the inbox by keyboard alone: a 县公安局 rectifier tabs to a data-problem task, opens it with
 * Enter, reads the reported catalog entry as "code 名称" (not its id) and closes the drawer with Esc. It also checks
 * the inbox's first load: the form renderer (rjsf + ajv) and the drawer are fetched only after the task list arrived.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../workflows/demo/seed-demo-catalog';
import { browserUnavailableReason } from '../../server/testing/browser';
import { closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

/** Built file names of the lazy chunks, from the Vite manifest of the build under test. */
function chunkOf(source: string): string {
  const manifest = JSON.parse(readFileSync('ui/dist/.vite/manifest.json', 'utf8')) as Record<
    string,
    { file: string }
  >;
  const file = manifest[source]?.file;
  if (!file)
    throw new Error(`${source} is not a chunk of its own in ui/dist: was the UI built from this tree?`);
  return file;
}

describe.skipIf(skip !== null)('the inbox by keyboard in Chromium', () => {
  let server: E2eServer;
  const sessionCookie = (token: string) => ({
    name: 'huiliu_session',
    value: token,
    url: server.url,
    httpOnly: true,
    sameSite: 'Strict' as const,
  });
  let browser: Browser;
  let entry: { id: string; code: string; fields: { resourceName: string } };
  let rectifyId = '';

  beforeAll(async () => {
    // Pollers on: 确定数源单位 and 开启整改轮次 are service tasks done by workers.
    ({ server, browser } = await startE2e({ startPollers: true }));
    await seedDemoCatalog(server.deps.db, new Date());
    const list = await server.request('/api/catalog/entries?q=XC-GAJ-0001', { as: 'wjj.feedback' });
    entry = ((await list.json()) as { items: (typeof entry)[] }).items.find((e) => e.code === 'XC-GAJ-0001')!;
    expect(entry, 'the demo catalog has XC-GAJ-0001').toBeDefined();

    // 卫健委 reports a problem on the entry and governance accepts it: the rectification goes to 县公安局.
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'wjj.feedback',
      json: {
        processKey: 'data-problem',
        variables: {
          entryId: entry.id,
          problemType: 'error',
          description: '身份证号码位数不对（键盘测试）',
          urgent: false,
        },
      },
    });
    expect(started.status).toBe(201);
    const instanceId = ((await started.json()) as { id: string }).id;
    const triage = await taskOf('governance', instanceId, 'triage');
    const done = await server.request(`/api/tasks/${triage}/complete`, {
      method: 'POST',
      as: 'governance',
      json: { variables: { decision: 'accept' } },
    });
    expect(done.status).toBe(200);
    rectifyId = await taskOf('gaj.rectifier', instanceId, 'rectify');
  }, 60_000);
  afterAll(() => closeE2e(server, browser));

  /** Waits until the user is offered the task (service tasks before it are done by the workers); usable in beforeAll. */
  async function taskOf(username: string, instanceId: string, elementId: string): Promise<string> {
    for (
      const until = Date.now() + 20_000;
      Date.now() < until;
      await new Promise((r) => setTimeout(r, 200))
    ) {
      const res = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, {
        as: username,
      });
      const items = ((await res.json()) as { items: { id: string; elementId: string }[] }).items;
      const id = items.find((t) => t.elementId === elementId)?.id;
      if (id) return id;
    }
    throw new Error(`${username} was not offered ${elementId} within 20 s`);
  }

  const focusedTestId = (page: Page) =>
    page.evaluate(
      () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName,
    );

  it('given an offered task, when the rectifier tabs to it and presses Enter, then the drawer shows the entry by code and name; Esc closes it', async () => {
    // A fresh browser with the session already in place, so /tasks is a true first load (empty cache, no login page).
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The UI keeps no token: the session is the HttpOnly cookie a login would have set.
    await context.addCookies([sessionCookie(await server.login('gaj.rectifier'))]);
    const page = await context.newPage();
    const events: string[] = [];
    page.on('request', (r) => events.push(`request ${new URL(r.url()).pathname}${new URL(r.url()).search}`));
    page.on('response', (r) =>
      events.push(`response ${new URL(r.url()).pathname}${new URL(r.url()).search}`),
    );

    await page.goto(`${server.url}/tasks?tab=group`);
    const row = page.getByTestId(`task-row-${rectifyId}`);
    await row.waitFor();
    // Filters and buttons are named for screen readers.
    await page.getByRole('combobox', { name: '按流程筛选' }).waitFor();
    await page.getByRole('combobox', { name: '办理期限' }).waitFor();
    await page.getByRole('button', { name: '刷新' }).waitFor();

    // Tab from the top of the page until the task's row has the focus: the row is one tab stop.
    let presses = 0;
    while ((await focusedTestId(page)) !== `task-row-${rectifyId}`) {
      expect(presses++, 'the task row is reachable with Tab').toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    expect(await row.getAttribute('aria-label')).toContain('整改');
    await page.screenshot({ path: 'test-results/screenshots/inbox-keyboard-row.png' });
    await page.keyboard.press('Enter');

    const drawer = page.getByTestId('task-drawer');
    await drawer.getByTestId('task-form').waitFor();
    expect(page.url()).toContain(`/tasks/${rectifyId}`);
    // What 卫健委 reported names the entry as people know it, not by its id.
    const submitted = drawer.getByTestId('task-submitted-fields');
    await expect
      .poll(() => submitted.getByTestId('entry-ref').textContent())
      .toBe(`XC-GAJ-0001 ${entry.fields.resourceName}`);
    expect(await drawer.textContent()).not.toContain(entry.id);
    await page.screenshot({ path: 'test-results/screenshots/inbox-keyboard-drawer.png' });

    // The renderer and the drawer came after the list (prefetched on idle or on Enter), never with the first load.
    const listArrived = events.findIndex(
      (e) => e.startsWith('response /api/tasks?') && e.includes('scope=group'),
    );
    expect(listArrived, 'the group list was fetched').toBeGreaterThan(-1);
    for (const chunk of [chunkOf('src/forms/schema-form.tsx'), chunkOf('src/pages/tasks/task-drawer.tsx')]) {
      const requested = events.indexOf(`request /${chunk}`);
      expect(requested, `${chunk} was fetched for the drawer`).toBeGreaterThan(-1);
      expect(requested, `${chunk} is not part of the inbox's first load`).toBeGreaterThan(listArrived);
    }

    // Esc closes the drawer and gives the focus back to the row.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/tasks');
    await expect.poll(() => focusedTestId(page)).toBe(`task-row-${rectifyId}`);
    await context.close();
  }, 60_000);
  it('given the rectification is past its deadline, when the inbox shows it, then its badge counts the same working days as the supervision list', async () => {
    const task = (await (
      await server.request(`/api/tasks/${rectifyId}`, { as: 'gaj.rectifier' })
    ).json()) as { dueAt: string };
    // Nine calendar days past the deadline, on the server's test clock and in the browser alike.
    const now = new Date(new Date(task.dueAt).getTime() + 9 * 86_400_000);
    expect(
      (
        await server.request('/api/test/clock', {
          method: 'PUT',
          as: 'admin',
          json: { now: now.toISOString() },
        })
      ).status,
    ).toBe(200);
    const overdue = (await (
      await server.request('/api/supervision/overdue', { as: 'governance' })
    ).json()) as {
      items: { task: { id: string }; overdueWorkdays: number }[];
    };
    const expected = overdue.items.find((o) => o.task.id === rectifyId)?.overdueWorkdays;
    expect(expected, 'supervision lists the task as overdue').toBeGreaterThan(0);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([sessionCookie(await server.login('gaj.rectifier'))]);
    const page = await context.newPage();
    await page.clock.setFixedTime(now);
    await page.goto(`${server.url}/tasks?tab=overdue`);
    const tag = page.getByTestId(`task-row-${rectifyId}`).getByTestId('overdue-tag');
    await expect.poll(() => tag.getAttribute('data-workdays')).toBe(String(expected));
    expect(await tag.textContent()).toBe(`逾期 ${expected} 个工作日`);
    expect(Number(await page.getByTestId('tab-overdue-count').textContent())).toBe(1);
    await page.screenshot({ path: 'test-results/screenshots/inbox-keyboard-overdue.png' });
    await context.close();
  }, 60_000);
});
