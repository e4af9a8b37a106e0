/**
 * @module Browser test of the instance page's data: variables later steps filled in (受理分派's 受理结论, 受理意见) read
 * as their form fields' titles, not as their keys; an administrator also sees each key, small, as a hint for FEEL; the
 * person who reported the problem sees the titles and no keys.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
type Instance = { id: string; startedBy: string; variables: Record<string, unknown> };

describe.skipIf(skip !== null)('the instance page names fields by their titles, in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let triaged: Instance;

  beforeAll(async () => {
    ({ server, browser } = await startE2e({ demoContent: true }));
    const list = (await (
      await server.request('/api/process-instances?processKey=data-problem&status=active&pageSize=100', {
        as: 'admin',
      })
    ).json()) as { items: Instance[] };
    // a demo problem past 受理分派: its triage form's decision and comment are among its variables
    triaged = list.items.find((i) => 'decision' in i.variables && 'comment' in i.variables)!;
    expect(triaged).toBeDefined();
  });
  afterAll(() => closeE2e(server, browser));

  const labels = async (page: Page) => {
    const view = page.getByTestId('variables-view');
    await view.waitFor();
    return view.locator('.ant-descriptions-item-label').allInnerTexts();
  };

  it('given an instance past 受理分派, when an administrator opens it, then 受理结论 and 受理意见 are shown with their keys as hints', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logInThroughUi(page, server.url, 'admin');
    await page.goto(`${server.url}/instances/${triaged.id}`);
    await expect.poll(async () => (await labels(page)).join('|')).toContain('受理结论');
    const all = await labels(page);
    expect(all.join('|')).toContain('受理意见');
    expect(all.join('|')).toContain('问题描述');
    // the key is a hint under the title, not the label itself
    const hint = page.locator('[data-testid="variable-label"][data-key="decision"]');
    expect(await hint.textContent()).toMatch(/受理结论\s*decision/);
    // and the engine's own variables have names too (发起人 above initiator)
    expect(await page.locator('[data-testid="variable-label"][data-key="initiator"]').textContent()).toMatch(
      /发起人\s*initiator/,
    );
    expect(all).not.toContain('decision');
    expect(all).not.toContain('comment');
    await page.screenshot({ path: `${ARTIFACTS}/instance-field-titles-admin.png`, fullPage: true });
    await page.close();
  });

  it('given the same instance, when the person who reported it opens it, then the titles show and no key does', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logInThroughUi(page, server.url, triaged.startedBy);
    await page.goto(`${server.url}/instances/${triaged.id}`);
    await expect.poll(async () => (await labels(page)).join('|')).toContain('受理结论');
    expect((await labels(page)).join('|')).toContain('受理意见');
    expect(await page.getByTestId('variable-label').count()).toBe(0);
    const text = await page.getByTestId('variables-view').textContent();
    expect(text).not.toMatch(/\bdecision\b|\bcomment\b|\bentryId\b/);
    await page.screenshot({ path: `${ARTIFACTS}/instance-field-titles-reporter.png`, fullPage: true });
    await page.close();
  });
});
