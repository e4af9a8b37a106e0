/**
 * @module Browser test of process 3 end to end with three people in three browser contexts: a using unit reports a
 * problem on a 县公安局 catalog entry, governance accepts it, the rectification passes its deadline on the test
 * clock and shows as overdue, the rectifier submits the fix, governance verifies it and the instance shows its history.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../workflows/demo/seed-demo-catalog';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
/** Saves the step once the page's requests are done, so the shot is not of a table still fading in. */
async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${ARTIFACTS}/journey-${name}.png` });
}

describe.skipIf(skip !== null)('data-problem journey through the UI in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let feedback: Page;
  let governance: Page;
  let rectifier: Page;
  let instanceId = '';

  beforeAll(async () => {
    // Pollers on: 确定数源单位, 开启整改轮次 and the other service tasks are done by workers.
    ({ server, browser } = await startE2e({ startPollers: true }));
    // Test servers seed users only: publish the demo catalog (version-1 entries) straight into the test database.
    await seedDemoCatalog(server.deps.db, new Date());
    [feedback, governance, rectifier] = await Promise.all(
      ['wjj.feedback', 'governance', 'gaj.rectifier'].map(loginAs),
    );
  });
  afterAll(() => closeE2e(server, browser));

  async function loginAs(username: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await logInThroughUi(page, server.url, username);
    return page;
  }

  /** Waits until the user is offered the task (service tasks before it are done by the workers). */
  async function taskOf(username: string, elementId: string): Promise<{ id: string; dueAt?: string }> {
    type Item = { id: string; elementId: string; dueAt?: string };
    let task: Item | undefined;
    await expect
      .poll(
        async () => {
          const res = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, {
            as: username,
          });
          task = ((await res.json()) as { items: Item[] }).items.find((t) => t.elementId === elementId);
          return task !== undefined;
        },
        { timeout: 20_000, message: `${username} is offered ${elementId}` },
      )
      .toBe(true);
    return task!;
  }

  /** Opens the inbox tab, checks it counts something, and opens the task's drawer from its row. */
  async function openFromInbox(page: Page, tab: 'mine' | 'group' | 'overdue', taskId: string) {
    await page.goto(`${server.url}/tasks?tab=${tab}`);
    await page.getByTestId(`tab-${tab}`).click();
    await expect
      .poll(async () => Number(await page.getByTestId(`tab-${tab}-count`).innerText()))
      .toBeGreaterThan(0);
    await page.getByTestId(`task-open-${taskId}`).click();
    await page.getByTestId('task-form').waitFor();
  }

  async function submitTask(page: Page) {
    await page.getByTestId('task-form').getByTestId('form-submit').click();
    await page.getByTestId('completion-result').waitFor();
  }

  it('given a published 县公安局 entry, when 卫健委 reports a problem on it from the catalog, then an instance starts', async () => {
    await feedback.goto(`${server.url}/catalog`);
    await feedback.getByTestId('catalog-list').waitFor();
    await feedback.getByText('XC-GAJ-0001').first().click();
    await expect.poll(() => feedback.getByTestId('entry-code').innerText()).toBe('XC-GAJ-0001');
    await shot(feedback, '1-catalog-entry');
    await feedback.getByTestId('entry-report-problem').click();
    const form = feedback.getByTestId('start-form');
    await form.waitFor();
    await feedback.locator('#root_problemType').getByText('数据错误', { exact: true }).click();
    await feedback.fill('#root_description', '部分常住人口的身份证号码位数不对（E2E）');
    await feedback.fill('#root_examples', '张某某 4101231990');
    await shot(feedback, '2-report-form');
    await form.getByTestId('form-submit').click();
    await feedback.waitForURL(/\/instances\//);
    instanceId = feedback.url().split('/instances/')[1]!;
    await expect
      .poll(() => feedback.getByTestId('active-elements').innerText(), { timeout: 20_000 })
      .toContain('受理分派');
  });

  it('given the report, when governance opens it from the inbox and accepts, then it moves on to rectification', async () => {
    const triage = await taskOf('governance', 'triage');
    await openFromInbox(governance, 'group', triage.id);
    // governance reads the report before deciding
    expect(await governance.getByTestId('task-submitted').innerText()).toContain('身份证号码位数不对');
    await governance.locator('#root_decision').getByText('受理并转数源单位整改', { exact: true }).click();
    await shot(governance, '3-triage');
    await submitTask(governance);
    expect(await governance.getByTestId('completion-next').innerText()).toContain('流程已进入下一环节');
  });

  it('given the rectification is due, when the test clock passes its deadline, then the rectifier sees it overdue', async () => {
    const rectify = await taskOf('gaj.rectifier', 'rectify');
    expect(rectify.dueAt, 'rectify has a deadline').toBeTruthy();
    await rectifier.goto(`${server.url}/tasks?tab=group`);
    await rectifier.getByTestId(`task-row-${rectify.id}`).waitFor();
    expect(await rectifier.getByTestId(`task-row-${rectify.id}`).getByTestId('overdue-tag').count()).toBe(0);
    await shot(rectifier, '4-rectify-inbox');

    const past = new Date(new Date(rectify.dueAt!).getTime() + 86_400_000).toISOString();
    const res = await server.request('/api/test/clock', {
      method: 'PUT',
      as: 'admin',
      json: { now: past },
    });
    expect(res.status).toBe(200);

    await rectifier.goto(`${server.url}/tasks?tab=overdue`);
    await expect
      .poll(async () => Number(await rectifier.getByTestId('tab-overdue-count').innerText()))
      .toBe(1);
    await rectifier.getByTestId(`task-row-${rectify.id}`).getByTestId('overdue-tag').waitFor();
    await shot(rectifier, '5-rectify-overdue');
  });

  it('given the overdue task, when the rectifier submits the fix and governance verifies it, then the problem is archived', async () => {
    const rectify = await taskOf('gaj.rectifier', 'rectify');
    await openFromInbox(rectifier, 'overdue', rectify.id);
    await rectifier.fill('#root_explanation', '已核对户籍底册，修正错误号码');
    await rectifier.fill('#root_fixedCount', '12');
    await shot(rectifier, '6-rectify-form');
    await submitTask(rectifier);

    const verify = await taskOf('governance', 'verify');
    await openFromInbox(governance, 'group', verify.id);
    await governance.locator('#root_decision').getByText('核验通过', { exact: true }).click();
    await shot(governance, '7-verify');
    await submitTask(governance);

    await feedback.goto(`${server.url}/instances/${instanceId}`);
    await expect
      .poll(() => feedback.getByTestId('instance-status').getAttribute('data-status'))
      .toBe('completed');
    // the 审批记录 (#17) keeps every human step: start, triage, rectify, verify, and the end
    await feedback.getByTestId('approval-record').waitFor();
    await expect.poll(() => feedback.getByTestId('record-line').count()).toBeGreaterThanOrEqual(5);
    const timeline = await feedback.getByTestId('approval-record').innerText();
    for (const step of ['受理', '整改', '核验']) expect(timeline).toContain(step);
    await shot(feedback, '8-instance-history');
  });
});
