/**
 * @module Browser test of process 1 end to end through the UI: a cataloguer registers an entry on the start form,
 * the unit leader and the authority reviewer approve it from their inboxes, and the entry appears in the catalog.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('catalog registration through the UI in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const code = `XC-GAJ-E2E${Date.now().toString().slice(-5)}`;
  let instanceId = '';

  beforeAll(async () => {
    // Pollers on: the 发布目录 service task is done by a worker. Demo content: the census of information systems.
    ({ server, browser } = await startE2e({ startPollers: true, demoContent: true }));
  });
  afterAll(() => closeE2e(server, browser));

  async function loginAs(username: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await logInThroughUi(page, server.url, username);
    return page;
  }

  async function openTaskOf(username: string, elementId: string): Promise<Page> {
    const res = await server.request(`/api/tasks?scope=group&processInstanceId=${instanceId}`, {
      as: username,
    });
    const task = ((await res.json()) as { items: { id: string; elementId: string }[] }).items.find(
      (t) => t.elementId === elementId,
    );
    expect(task, `${username} is offered ${elementId}`).toBeDefined();
    const page = await loginAs(username);
    // the inbox counts the offered task under 待领取
    await page.getByTestId('tab-group').click();
    await expect
      .poll(async () => Number(await page.getByTestId('tab-group-count').textContent()))
      .toBeGreaterThan(0);
    await page.getByTestId(`task-open-${task!.id}`).click();
    await page.getByTestId('task-form').waitFor();
    return page;
  }

  it('given a cataloguer, when the start form is filled and submitted, then the instance waits for 单位审核', async () => {
    const page = await loginAs('gaj.cataloguer');
    await page.goto(`${server.url}/processes?start=catalog-registration`);
    const option = (text: string) =>
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
    const radio = (id: string, text: string) =>
      page.locator(`#${id}`).getByText(text, { exact: true }).click();
    await page.getByTestId('system-picker-systemName').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.fill('#root_businessName', '交通管理');
    await page.fill('#root_resourceName', '机动车登记信息（测试）');
    await page.fill('#root_resourceCode', code);
    await radio('root_category', '基础');
    await page.getByTestId('table-dataItems-0-name').fill('号牌号码');
    await page.getByTestId('table-dataItems-0-type').click();
    await option('字符').click();
    await page.locator('#root_storageFormat').click();
    await option('数据库').click();
    await radio('root_shareType', '无条件共享');
    await radio('root_openType', '禁止开放');
    await radio('root_provision', '接口');
    await page.locator('#root_updateCycle').click();
    await option('每日').click();
    await page.getByTestId('choice-sharePeriod').getByText('长期').click();
    await page.getByTestId('start-form').getByTestId('form-submit').click();

    await page.waitForURL(/\/instances\//);
    instanceId = page.url().split('/instances/')[1]!;
    await expect.poll(() => page.getByTestId('instance-status').getAttribute('data-status')).toBe('active');
    await expect.poll(() => page.getByTestId('active-elements').textContent()).toContain('单位审核');
    await page.locator('.hl-active').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/flow-instance-started.png` });
  });

  it('given the instance, when the unit leader approves from the inbox, then the result says it moved on', async () => {
    const page = await openTaskOf('gaj.leader', 'unit-approval');
    // the leader reads what was submitted before deciding
    expect(await page.getByTestId('task-submitted-fields').textContent()).toContain(code);
    await page.locator('#root_decision').getByText('同意报送', { exact: true }).click();
    await page.getByTestId('task-form').getByTestId('form-submit').click();
    await page.getByTestId('completion-result').waitFor();
    expect(await page.getByTestId('completion-next').textContent()).toContain('流程已进入下一环节');
  });

  it('given the leader approved, when the reviewer approves, then the entry is published to the catalog', async () => {
    const page = await openTaskOf('reviewer', 'authority-review');
    await page.locator('#root_decision').getByText('通过', { exact: true }).click();
    await page.getByTestId('task-form').getByTestId('form-submit').click();
    await page.getByTestId('completion-result').waitFor();

    // the publishing worker finishes the instance
    await expect
      .poll(
        async () => {
          const res = await server.request(`/api/process-instances/${instanceId}`, { as: 'admin' });
          return ((await res.json()) as { status: string }).status;
        },
        { timeout: 20_000 },
      )
      .toBe('completed');

    const cataloguer = await loginAs('gaj.cataloguer');
    await cataloguer.goto(`${server.url}/catalog?q=${code}`);
    await cataloguer.getByText(code).click();
    await expect.poll(() => cataloguer.getByTestId('entry-code').textContent()).toBe(code);
    // and the cataloguer was told
    await expect
      .poll(() => cataloguer.getByTestId('notifications-bell').getAttribute('aria-label'))
      .toMatch(/通知（\d+）/);
    await cataloguer.screenshot({ path: `${ARTIFACTS}/flow-entry-published.png` });

    await cataloguer.goto(`${server.url}/instances/${instanceId}`);
    await expect
      .poll(() => cataloguer.getByTestId('instance-status').getAttribute('data-status'))
      .toBe('completed');
  });
});
