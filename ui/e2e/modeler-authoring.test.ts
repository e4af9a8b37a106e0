/**
 * @module Browser test of the modeler walkthrough of #18 and the task panels of #12: the start event is clear of the
 * palette; the palette's 任务 dropped on a flow's label lands in the flow as a user task and pushes the next step
 * aside; roles are ticked, not typed; 或签 is picked with two approvers; a field of 主管部门审核's form is hidden; the
 * token simulation speaks Chinese; the deploy carries it all.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(skip !== null)('authoring in the modeler (高级模式) in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let panel: Locator;
  let taskId = '';

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/modeler/catalog-registration`);
    await page.locator('.djs-shape[data-element-id="authority-review"]').waitFor();
    panel = page.getByTestId('properties-panel');
  });
  afterAll(() => closeE2e(server, browser));

  const box = async (id: string) =>
    (await page.locator(`.djs-element[data-element-id="${id}"]`).first().boundingBox())!;
  /** Waits until the canvas stops moving (it fits the diagram after the import). */
  async function settled(id: string) {
    let b = await box(id);
    await expect
      .poll(async () => {
        const prev = b;
        await page.waitForTimeout(200);
        b = await box(id);
        return b.x === prev.x && b.width === prev.width;
      })
      .toBe(true);
    return b;
  }

  it('given the shipped process opened, when shown, then the start event is right of the palette, not under it', async () => {
    const start = await settled('start-entry');
    const palette = (await page.locator('.djs-palette').boundingBox())!;
    expect(start.x).toBeGreaterThan(palette.x + palette.width);
  });

  it('given the palette’s 任务, when dropped on the label 通过, then a user task sits in that flow and overlaps nothing', async () => {
    const label = await box('flow-review-approve_label');
    await page.locator('.djs-palette [data-action="create.task"]').click();
    await page.mouse.move(label.x + label.width / 2, label.y + label.height / 2, { steps: 15 });
    await page.mouse.down();
    await page.mouse.up();
    await page.keyboard.press('Escape'); // leave the label editor
    taskId = (await page.locator('.djs-shape.selected').first().getAttribute('data-element-id')) ?? '';
    expect(taskId).toMatch(/^Activity_/);
    // it is a user task (the panel's header names the type)
    await expect
      .poll(() => panel.locator('.bio-properties-panel-header-type').textContent())
      .toContain('用户任务');
    // wired into the flow: the approve flow now ends at it, and it has a way out (no "not connected" issue)
    await expect
      .poll(() => page.locator(`.djs-connection[data-element-id="flow-review-approve"]`).count())
      .toBe(1);
    await page.getByTestId('modeler-lint').click();
    const issues = await page
      .locator(`[data-testid="modeler-lint-issue"][data-element-id="${taskId}"]`)
      .allTextContents();
    expect(issues.join('\n')).not.toContain('没有连接任何顺序流');
    await page.getByTestId('modeler-lint').click();
    // overlapping no other step
    const mine = await box(taskId);
    const others = await page
      .locator('.djs-shape[data-element-id]:not([data-element-id$="_label"])')
      .evaluateAll(
        (els, id) =>
          els
            .filter((e) => e.getAttribute('data-element-id') !== id)
            .map((e) => {
              const r = e.getBoundingClientRect();
              return {
                id: e.getAttribute('data-element-id'),
                x: r.x,
                y: r.y,
                width: r.width,
                height: r.height,
              };
            }),
        taskId,
      );
    const hit = others.filter((o) => o.width > 0 && intersects(mine, o));
    expect(hit.map((o) => o.id)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/modeler-authoring-dropped.png` });
  });

  it('given the new task, when named, given a role by tick and 或签 with two approvers, then the panel shows the outcome rule', async () => {
    const name = panel.locator('#bio-properties-panel-name');
    if (!(await name.isVisible()))
      await panel.locator('[data-group-id="group-general"] .bio-properties-panel-group-header').click();
    await name.fill('法制审核');
    await name.press('Tab');
    // 办理角色: a check box per role, named in Chinese
    const roles = panel.getByTestId('role-picker');
    if (!(await roles.isVisible()))
      await panel.locator('[data-group-id="group-huiliu-roles"] .bio-properties-panel-group-header').click();
    const reviewer = roles.locator('label[title="authority.reviewer"]');
    expect(await reviewer.textContent()).toContain('目录审核员');
    await reviewer.locator('input').check();
    // 审批方式: 或签 over two reviewers
    const mode = panel.locator('#bio-properties-panel-huiliu-countersign-mode');
    if (!(await mode.isVisible()))
      await panel
        .locator('[data-group-id="group-huiliu-countersign"] .bio-properties-panel-group-header')
        .click();
    await mode.selectOption('any');
    const approvers = panel.locator('#bio-properties-panel-huiliu-countersign-approvers');
    await approvers.fill('["reviewer", "reviewer2"]');
    await approvers.press('Tab');
    await expect.poll(() => panel.getByTestId('countersign-outcome').textContent()).toContain('>= 1');
    await page.screenshot({ path: `${ARTIFACTS}/modeler-authoring-countersign.png` });
  });

  it('given 主管部门审核 and its form, when a field is set to 隐藏, then the table shows it', async () => {
    await page.locator('.djs-shape[data-element-id="authority-review"]').click();
    const table = panel.getByTestId('field-access');
    if (!(await table.isVisible()))
      await panel
        .locator('[data-group-id="group-huiliu-field-access"] .bio-properties-panel-group-header')
        .click();
    const firstRow = table.locator('tbody tr').first();
    await firstRow.waitFor();
    const field = (await firstRow.getAttribute('data-field')) ?? '';
    await firstRow.locator('input[type="radio"]').nth(2).check();
    await expect.poll(() => firstRow.locator('input[type="radio"]').nth(2).isChecked()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/modeler-authoring-field-access.png` });

    // deployed: the roles, the loop and the header are in v2
    await page.getByTestId('modeler-deploy').click();
    await page.getByTestId('deploy-confirm').click();
    await page.getByTestId('deploy-done').waitFor();
    await page.getByTestId('deploy-close').click();
    const latest = (await (
      await server.request('/api/process-definitions/catalog-registration', { as: 'admin' })
    ).json()) as {
      version: number;
      xml: string;
    };
    expect(latest.version).toBe(2);
    expect(latest.xml).toContain('name="法制审核"');
    expect(latest.xml).toMatch(/candidateGroups="authority\.reviewer"/);
    expect(latest.xml.match(/<zeebe:loopCharacteristics [^>]*>/)?.[0]).toContain(
      'inputCollection="=[&#34;reviewer&#34;, &#34;reviewer2&#34;]" inputElement="approver"',
    );
    expect(latest.xml).toContain('completionCondition');
    expect(latest.xml).toContain(`key="fieldAccess" value="{&#34;${field}&#34;:&#34;hidden&#34;}"`);
  });

  it('given the token simulation, when switched on, then its controls speak Chinese', async () => {
    await page.getByTestId('modeler-simulate').click();
    await page.locator('[title="重置模拟"]').first().waitFor({ state: 'attached' });
    expect(await page.locator('[title="Reset Simulation"]').count()).toBe(0);
    await page.getByTestId('modeler-simulate').click();
  });
});
