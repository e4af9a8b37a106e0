/**
 * @module Browser test of the modeler's 发起人 group (issue #15, who may start): the administrator sees the shipped
 * process's declared starters on the process, adds a unit-scoped role and deploys; the server then lets that
 * role of that unit start it, and nobody else new.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('the modeler’s starters field in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/modeler/data-problem`);
    await page.locator('.djs-shape[data-element-id="triage"]').waitFor();
  });
  afterAll(() => closeE2e(server, browser));

  const canStart = async (as: string) => {
    const list = (await (await server.request('/api/process-definitions?latest=true', { as })).json()) as {
      key: string;
      canStart: boolean;
    }[];
    return list.find((d) => d.key === 'data-problem')?.canStart;
  };

  it('given the shipped data-problem, when the process is selected, then 发起人 shows unit.feedback; adding unit.leader@gaj and deploying lets 县公安局’s leader start it', async () => {
    // when the administrator clicks the empty canvas (the process itself is selected)
    const triage = (await page.locator('.djs-shape[data-element-id="triage"]').boundingBox())!;
    await page.mouse.click(triage.x + triage.width / 2, Math.max(triage.y - 150, 80));
    const panel = page.getByTestId('properties-panel');
    const group = panel.locator('[data-group-id="group-huiliu-starters"]');
    await group.waitFor();
    expect(await group.locator('.bio-properties-panel-group-header').textContent()).toContain('发起人');
    const input = panel.locator('#bio-properties-panel-huiliu-starters-value');
    if (!(await input.isVisible())) await group.locator('.bio-properties-panel-group-header').click();
    // then the declared starters show, with the rule for an empty field
    expect(await input.inputValue()).toBe('unit.feedback');
    expect(await group.textContent()).toContain('留空则只有流程管理员可以发起');
    expect(await canStart('gaj.leader')).toBe(false);

    // when a unit-scoped role is added and the diagram deployed
    await input.fill('unit.feedback, unit.leader@gaj');
    await input.press('Tab');
    await page.screenshot({ path: `${ARTIFACTS}/modeler-starters.png` });
    await page.getByTestId('modeler-deploy').click();
    await page.getByTestId('deploy-confirm').click();
    expect(await page.getByTestId('deploy-done').textContent()).toContain('data-problem v2');
    await page.getByTestId('deploy-close').click();
    const latest = await (
      await server.request('/api/process-definitions/data-problem', { as: 'admin' })
    ).json();
    expect(latest.xml).toContain('name="huiliu:starters" value="unit.feedback, unit.leader@gaj"');

    // then 县公安局's leader may start it, 县卫生健康局's may not
    expect(await canStart('gaj.leader')).toBe(true);
    expect(await canStart('wjj.leader')).toBe(false);
    expect(await canStart('wjj.feedback')).toBe(true);
  });
});
