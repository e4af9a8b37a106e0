/**
 * @module Browser test of the modeler's helpers on the shipped catalog-registration: a task dropped on the canvas is
 * flagged by the live check at once; the 主管部门审核 template makes it a user task for authority.reviewer; the diff
 * with the deployed version marks it as added; token simulation switches on and off.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('modeler check, templates, diff and simulation in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let taskId = '';

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/modeler/catalog-registration`);
    await page.locator('.djs-shape[data-element-id="authority-review"]').waitFor();
  });
  afterAll(() => closeE2e(server, browser));

  const lint = () => page.getByTestId('modeler-lint');
  const selectedId = () =>
    page.locator('.djs-shape.selected').first().getAttribute('data-element-id') as Promise<string>;

  it('given the shipped process, when a task is dropped unconnected and then given only a way out, then the live check flags it each time', async () => {
    // the shipped process deploys as it is: the check finds nothing
    await expect.poll(() => lint().getAttribute('data-errors')).toBe('0');
    await expect.poll(() => lint().getAttribute('data-warnings')).toBe('0');

    // when a task from the palette is dropped below the diagram, connected to nothing
    const publish = (await page.locator('.djs-shape[data-element-id="publish-entry"]').boundingBox())!;
    await page.locator('.djs-palette [data-action="create.task"]').click();
    await page.mouse.move(publish.x + publish.width / 2 + 70, publish.y - 120, { steps: 10 });
    await page.mouse.down();
    await page.mouse.up();
    await page.keyboard.press('Escape'); // leave the label editor
    taskId = await selectedId();
    expect(taskId).toMatch(/^Activity_/);

    // then, without deploying, the element carries the check's overlay and the count shows an error
    await page.locator(`.djs-overlays[data-container-id="${taskId}"] .bjsl-overlay`).waitFor();
    await expect.poll(async () => Number(await lint().getAttribute('data-errors'))).toBeGreaterThan(0);
    await lint().click();
    const issue = page.locator(`[data-testid="modeler-lint-issue"][data-element-id="${taskId}"]`);
    await issue.first().waitFor();
    expect(await issue.first().textContent()).toContain('没有连接任何顺序流');
    await page.screenshot({ path: `${ARTIFACTS}/modeler-extras-check.png` });
    await lint().click(); // close the list
    await page.getByTestId('modeler-lint-list').waitFor({ state: 'hidden' });

    // when the task gets a way out (a flow to 已发布) but still no way in
    await page.locator('.djs-context-pad [data-action="connect"]').click();
    await page.locator('.djs-shape[data-element-id="end-published"]').click();
    // then the server's own structural analysis, run in the page, says no start reaches it
    await lint().click();
    await expect.poll(() => issue.first().textContent()).toContain(`元素“${taskId}”无法从任何开始事件到达`);
    await lint().click();
    await page.getByTestId('modeler-lint-list').waitFor({ state: 'hidden' });
  });

  it('given the selected task, when the 主管部门审核 template is applied, then it is a user task for authority.reviewer', async () => {
    // select the task unless it still is (a click on a selected shape would deselect it)
    const shape = page.locator(`.djs-shape[data-element-id="${taskId}"]`);
    // (a click right after the previous step's connection may land while the canvas still ends that gesture: retry)
    for (let i = 0; i < 5 && !(await shape.getAttribute('class'))?.includes('selected'); i++) {
      await shape.click();
      await page.waitForTimeout(300);
    }
    const panel = page.getByTestId('properties-panel');
    await panel.locator('.bio-properties-panel-select-template-button').click();
    const chooser = page.locator('.djs-popup');
    await chooser.getByText('主管部门审核', { exact: true }).waitFor();
    // the four step presets are offered, in Chinese
    for (const name of ['单位审核', '整改', '核验']) await chooser.getByText(name, { exact: true }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/modeler-extras-templates.png` });
    await chooser.getByText('主管部门审核', { exact: true }).click();

    // the task became a user task (replaced in place, same id) with the template's settings
    await expect.poll(() => page.locator(`.djs-shape[data-element-id="${taskId}"]`).count()).toBe(1);
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('modeler-download').click();
    await page.getByTestId('modeler-download-bpmn').click();
    const xml = readFileSync((await (await downloaded).path())!, 'utf8');
    const task = xml.match(new RegExp(`<bpmn:userTask id="${taskId}"[\\s\\S]*?</bpmn:userTask>`))?.[0] ?? '';
    expect(task).toContain('candidateGroups="authority.reviewer"');
    expect(task).toContain('formId="authority-review"');
    expect(task).toContain('dueDate="=workday(now(), 5)"');
    expect(task).toContain('zeebe:modelerTemplate="huiliu.authority-review"');
  });

  it('given the edit, when diffed with the deployed version, then the task is marked added and listed', async () => {
    await page.getByTestId('modeler-diff').click();
    await page.getByTestId('modeler-diff-summary').waitFor();
    await page.getByTestId(`diff-badge-${taskId}`).waitFor();
    expect(await page.locator(`.djs-shape[data-element-id="${taskId}"]`).getAttribute('class')).toContain(
      'hl-diff-added',
    );
    // listed by what it is, not by its generated id (#18: no Flow_13t2qym in the diff)
    const listed = page.getByTestId('modeler-diff-added').locator(`[data-element-id="${taskId}"]`);
    expect(await listed.textContent()).toBe('用户任务');
    expect(await page.getByTestId('modeler-diff-added').textContent()).not.toContain('Activity_');
    // unchanged elements are not marked
    expect(
      await page.locator('.djs-shape[data-element-id="authority-review"]').getAttribute('class'),
    ).not.toMatch(/hl-diff/);
    await page.screenshot({ path: `${ARTIFACTS}/modeler-extras-diff.png` });

    // when switched off, the marks go
    await page.getByTestId('modeler-diff').click();
    await expect.poll(() => page.locator('.hl-diff-added').count()).toBe(0);
  });

  it('given the diagram, when simulation is switched on and off, then the simulation palette comes and goes', async () => {
    await page.getByTestId('modeler-simulate').click();
    await page.getByTestId('modeler-simulating').waitFor();
    await page.locator('.bjs-container.simulation').waitFor();
    await page.locator('.bts-context-pad').first().waitFor(); // ▶ on the start event
    await page.screenshot({ path: `${ARTIFACTS}/modeler-extras-simulation.png` });

    await page.getByTestId('modeler-simulate').click();
    await expect.poll(() => page.locator('.bjs-container.simulation').count()).toBe(0);
    expect(await page.getByTestId('modeler-simulating').count()).toBe(0);
  });

  it('given the edits, when the UI switches to English, then the rebuilt modeler keeps them and the check speaks English', async () => {
    await page.locator('[aria-label="切换语言 / Switch language"]').click();
    await page.getByTestId('modeler-lint').getByText('Check').waitFor();
    // the new modeler re-imported the edited diagram, not the deployed one
    await page.locator(`.djs-shape[data-element-id="${taskId}"]`).waitFor();
    await expect.poll(async () => Number(await lint().getAttribute('data-errors'))).toBeGreaterThan(0);
    await lint().click();
    const issue = page.locator(`[data-testid="modeler-lint-issue"][data-element-id="${taskId}"]`);
    await issue.first().waitFor();
    expect(await issue.first().textContent()).toContain('cannot be reached from any start event');
    await page.locator('[aria-label="切换语言 / Switch language"]').click(); // back to Chinese for whoever reads the shots
  });
});
