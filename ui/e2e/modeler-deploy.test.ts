/**
 * @module Browser test of the product's promise: an administrator changes a running process in the modeler — a
 * user task 法制审核 for authority.reviewer dropped onto the approve path — and deploys version 2; a registration
 * started on version 1 finishes on version 1, while a new one reaches 法制审核 in the reviewer's inbox.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const fields = (code: string) => ({
  systemName: '人口信息管理系统',
  businessName: '户籍管理',
  resourceName: `常住人口信息（${code}）`,
  resourceCode: code,
  category: 'basic',
  dataItems: [{ name: '公民身份号码', type: 'string', length: 18, sensitive: true }],
  storageFormat: 'database',
  shareType: 'unconditional',
  openType: 'forbidden',
  provision: 'api',
  updateCycle: 'daily',
  sharePeriod: 'long-term',
});
type Item = { id: string; elementId: string; name?: string };
type Instance = { id: string; version: number; status: string; activeElementIds: string[] };

/** A point on the flow that hits the flow itself, not its label or the shapes at its ends (nearest 60% along it). */
function pointOnFlow(page: Page, id: string, x0: number, width: number, y: number): Promise<number> {
  return page.evaluate(
    ([id, x0, width, y]) => {
      for (let d = 0; d < 0.5; d += 0.01) {
        for (const f of [0.6 + d, 0.6 - d]) {
          const hit = document.elementFromPoint(x0 + width * f, y)?.closest('.djs-connection');
          if (hit?.getAttribute('data-element-id') === id) return x0 + width * f;
        }
      }
      throw new Error(`no point of ${id} is free to drop on`);
    },
    [id, x0, width, y] as const,
  );
}

/** Opens the panel group if it is closed, types the value and leaves the field so the panel commits it. */
async function fillProperty(panel: Locator, group: string, field: string, value: string) {
  const input = panel.locator(`#bio-properties-panel-${field}`);
  if (!(await input.isVisible()))
    await panel.locator(`[data-group-id="${group}"] .bio-properties-panel-group-header`).click();
  await input.fill(value);
  await input.press('Tab');
}

describe.skipIf(skip !== null)('changing catalog-registration in the modeler in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let before = '';

  beforeAll(async () => {
    // Pollers on: 发布目录 and the notifications are service tasks done by workers.
    ({ server, browser } = await startE2e({ startPollers: true }));
    // 普查 first: a registration names a system already in the unit's census (#11).
    const census = await server.request('/api/catalog/systems', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { name: '人口信息管理系统' },
    });
    expect(census.status).toBe(201);
  });
  afterAll(() => closeE2e(server, browser));

  async function loginAs(username: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await logInThroughUi(page, server.url, username);
    return page;
  }

  async function start(code: string): Promise<string> {
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'catalog-registration', variables: fields(code) },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const instance = async (id: string) =>
    (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as Instance;
  /** Waits for the task to be offered (workers run the service tasks before it), then completes it as `username`. */
  async function complete(
    id: string,
    elementId: string,
    username: string,
    variables: Record<string, unknown>,
  ) {
    let task: Item | undefined;
    await expect
      .poll(
        async () => {
          const res = await server.request(`/api/tasks?scope=all&processInstanceId=${id}`, { as: username });
          task = ((await res.json()) as { items: Item[] }).items.find((t) => t.elementId === elementId);
          return Boolean(task);
        },
        { timeout: 20_000, message: `${username} is offered ${elementId}` },
      )
      .toBe(true);
    const res = await server.request(`/api/tasks/${task!.id}/complete`, {
      method: 'POST',
      as: username,
      json: { variables },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  const approve = { decision: 'approve', comment: '同意' };

  it('given a registration on v1 at 主管部门审核, when admin adds 法制审核 in the modeler and deploys, then v2 exists', async () => {
    before = await start('XC-GAJ-M0001');
    await complete(before, 'unit-approval', 'gaj.leader', approve);
    await expect
      .poll(async () => (await instance(before)).activeElementIds, { timeout: 20_000 })
      .toContain('authority-review');

    const page = await loginAs('admin');
    await page.goto(`${server.url}/modeler/catalog-registration`);
    const flow = page.locator('.djs-connection[data-element-id="flow-review-approve"]');
    // a horizontal flow's box is 0 px high, which playwright calls hidden: wait for it to be there, not "visible"
    await flow.waitFor({ state: 'attached' });
    await page.locator('[data-element-id="review-decision"]').waitFor();
    // the canvas zooms to fit after the import: wait until the flow stops moving
    let box = (await flow.boundingBox())!;
    await expect
      .poll(async () => {
        const prev = box;
        await page.waitForTimeout(200);
        box = (await flow.boundingBox())!;
        return box.x === prev.x && box.width === prev.width;
      })
      .toBe(true);
    // when the space tool makes room right of the gateway
    await page.locator('.djs-palette [data-action="space-tool"]').click();
    await page.mouse.move(box.x + box.width / 2, box.y + 250);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + 250, { steps: 10 });
    await page.mouse.up();
    // and a task from the palette is dropped onto the approve flow, which bpmn-js splits around it
    box = (await flow.boundingBox())!;
    const y = box.y + box.height / 2;
    const x = await pointOnFlow(page, 'flow-review-approve', box.x, box.width, y);
    await page.locator('.djs-palette [data-action="create.task"]').click();
    await page.mouse.move(x, y, { steps: 20 });
    await page.mouse.down();
    await page.mouse.up();
    await page.keyboard.press('Escape'); // leave the label editor bpmn-js opens on a new task
    // and the palette's 任务 is a user task already (a plain task would be skipped by the engine)
    expect(await page.locator('.djs-shape.selected').first().getAttribute('data-element-id')).toMatch(
      /^Activity_/,
    );
    // and it is named and offered to authority.reviewer in the properties panel
    const panel = page.getByTestId('properties-panel');
    await fillProperty(panel, 'group-general', 'name', '法制审核');
    await fillProperty(
      panel,
      'group-assignmentDefinition',
      'assignmentDefinitionCandidateGroups',
      'authority.reviewer',
    );
    await page.locator('.djs-element', { hasText: '法制审核' }).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/modeler-added-task.png` });

    await page.getByTestId('modeler-deploy').click();
    // the deploy dialog says the running registration stays on v1; it is deployed and left there
    await page.getByTestId('deploy-running').getByText('v1：1 个运行中的实例部署后仍按 v1 运行').waitFor();
    expect(await page.getByTestId('deploy-changes').textContent()).toContain('新增 法制审核');
    await page.getByTestId('deploy-confirm').click();
    expect(await page.getByTestId('deploy-done').textContent()).toContain('catalog-registration v2');
    await page.getByTestId('migrate-v1').waitFor();
    await page.getByTestId('deploy-close').click();
    expect(await page.getByTestId('modeler-problems').count()).toBe(0);
    const latest = await (
      await server.request('/api/process-definitions/catalog-registration', { as: 'admin' })
    ).json();
    expect(latest.version).toBe(2);
    expect(latest.xml).toContain('法制审核');
    expect(latest.xml).toContain('authority.reviewer');
  });

  it('given v2 is deployed, when the v1 registration is approved, then it finishes on v1 without 法制审核', async () => {
    await complete(before, 'authority-review', 'reviewer', approve);
    await expect.poll(async () => (await instance(before)).status, { timeout: 20_000 }).toBe('completed');
    expect((await instance(before)).version).toBe(1);
  });

  it('given v2, when a new registration passes 主管部门审核, then 法制审核 waits in the reviewer inbox', async () => {
    const after = await start('XC-GAJ-M0002');
    expect((await instance(after)).version).toBe(2);
    await complete(after, 'unit-approval', 'gaj.leader', approve);
    await complete(after, 'authority-review', 'reviewer', approve);

    const page = await loginAs('reviewer');
    await page.goto(`${server.url}/tasks?tab=group`);
    const row = page.locator('[data-testid^="task-row-"]', { hasText: '法制审核' });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/modeler-new-task-in-inbox.png` });
    expect((await instance(after)).status).toBe('active');
  });
});
