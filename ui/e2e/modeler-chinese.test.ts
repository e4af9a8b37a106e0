/**
 * @module Browser test of #18 item 6 "Chinese throughout" in the modeler's properties panel, and of the click on a
 * context-pad icon right after typing in a field: for a user task, a gateway and a message event, every section
 * open, no English is left in the section titles, entry labels, descriptions or any control's `title` (the
 * section toggle, the FEEL toggle in both states); then a name typed and an append icon clicked once appends.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

/** Words that stay as they are in Chinese UIs: the expression language's and formats' names, ids. */
const KEPT = /\b(FEEL|ID|JSON|BPMN|DMN|URL|HTTP)\b/g;

describe.skipIf(skip !== null)('the modeler properties panel in Chinese, in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/modeler/catalog-registration`);
    await page.locator('.djs-shape[data-element-id="authority-review"]').waitFor();
  });
  afterAll(() => closeE2e(server, browser));

  const panel = () => page.getByTestId('properties-panel');
  const selectedId = async () =>
    (await page.locator('.djs-shape.selected').first().getAttribute('data-element-id')) ?? '';
  async function pick(id: string) {
    if ((await page.locator('.djs-shape.selected').count()) === 1 && (await selectedId()) === id) return;
    const b = (await page.locator(`.djs-shape[data-element-id="${id}"]`).boundingBox())!;
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await expect.poll(selectedId).toBe(id);
  }

  /** Opens every closed section (list items too), then returns the panel's texts that still hold English. */
  async function englishLeft(): Promise<string[]> {
    for (let round = 0; round < 4; round++) {
      const closed = panel().locator(
        '.bio-properties-panel-group-header:not(.open), .bio-properties-panel-collapsible-entry-header:not(.open)',
      );
      const n = await closed.count();
      if (n === 0) break;
      for (let i = n - 1; i >= 0; i--) await closed.nth(i).click();
    }
    const texts = await panel().evaluate((root) => {
      const out: string[] = [];
      const sel =
        '.bio-properties-panel-group-header-title, .bio-properties-panel-label, .bio-properties-panel-description, ' +
        '.bio-properties-panel-header-type, .bio-properties-panel-collapsible-entry-header-title, button';
      for (const el of root.querySelectorAll(sel)) out.push((el.textContent ?? '').trim());
      // a picker's hover hint names the role or field by its code (authority.reviewer, comment): an id, not wording
      const code = /^[a-z][a-z0-9_.-]*$/;
      for (const el of root.querySelectorAll('[title]')) {
        const title = el.getAttribute('title') ?? '';
        if (!code.test(title)) out.push(title);
      }
      return out;
    });
    return [...new Set(texts)].filter((t) => /[A-Za-z]{2,}/.test(t.replace(KEPT, '')));
  }

  it('given a user task, a gateway and a message event, when every section is open, then no English is left in titles and labels', async () => {
    // a user task (with our 办理角色/审批方式/字段权限 sections and zeebe's)
    await pick('authority-review');
    await panel().locator('.bio-properties-panel-header-type').filter({ hasText: '用户任务' }).waitFor();
    const task = await englishLeft();
    // the FEEL toggle says Chinese in both states: switch one on and read its title again
    const toggle = panel().locator('.bio-properties-panel-feel-icon.optional:not([disabled])').first();
    expect(await toggle.count()).toBe(1);
    expect(await toggle.getAttribute('title')).toMatch(/[\u4e00-\u9fff]/);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('title')).toMatch(/取消/);
    await toggle.click(); // back as it was
    await page.screenshot({ path: `${ARTIFACTS}/modeler-chinese-task.png`, fullPage: true });

    // an exclusive gateway
    await pick('unit-decision');
    await panel().locator('.bio-properties-panel-header-type').filter({ hasText: '排他网关' }).waitFor();
    const gateway = await englishLeft();

    // a message intermediate catch event: from the palette, then the replace menu
    const publish = (await page.locator('.djs-shape[data-element-id="publish-entry"]').boundingBox())!;
    await page.locator('.djs-palette [data-action="create.intermediate-event"]').click();
    await page.mouse.move(publish.x + publish.width / 2 + 60, publish.y - 130, { steps: 10 });
    await page.mouse.down();
    await page.mouse.up();
    await page.keyboard.press('Escape');
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-message-intermediate-catch"]').click();
    await panel().locator('.bio-properties-panel-header-type').filter({ hasText: '消息' }).waitFor();
    const message = await englishLeft();
    await page.screenshot({ path: `${ARTIFACTS}/modeler-chinese-message.png`, fullPage: true });

    expect({ task, gateway, message }).toEqual({ task: [], gateway: [], message: [] });
  });

  it('given a name just typed in the panel, when an append icon of the context pad is clicked once, then the element is appended', async () => {
    await pick('authority-review');
    const before = await page.locator('.djs-shape').count();
    const general = panel().locator('[data-group-id="group-general"] .bio-properties-panel-group-header');
    if (!(await general.getAttribute('class'))?.includes('open')) await general.click();
    const name = panel().locator('#bio-properties-panel-name');
    await name.fill('主管部门审核（改）');
    // no Tab: the click on the icon is what leaves the field (and stores it, redrawing the pad under the mouse)
    await page.locator('.djs-context-pad [data-action="append.end-event"]').click();
    await expect.poll(() => page.locator('.djs-shape').count()).toBeGreaterThan(before);
    expect(await selectedId()).toMatch(/^Event_/);
    // and the name was stored
    expect(await page.locator('.djs-shape[data-element-id="authority-review"]').textContent()).toContain(
      '主管部门审核（改）',
    );
  });
});
