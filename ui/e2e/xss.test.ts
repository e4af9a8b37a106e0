/**
 * @module Browser test (issue #15, attack suite): markup typed by users (a form title, a catalog name, an approval
 * opinion) renders as text, never runs; the UI works under the strict CSP with the session in the HttpOnly cookie
 * only (no token in storage, no Authorization header); the audit page is for audit.admin and shows the same text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';
import { entryFields } from '../../server/testing/scenario-http';
import { auditorOf } from '../../server/security/audit-fixtures';

const skip = browserUnavailableReason();

const payload = (where: string) =>
  `<script>alert('xss-${where}')</script><img src=x onerror=alert('img-${where}')>`;
const FORM_TITLE = `表单${payload('form')}`;
const ENTRY_NAME = `人口信息${payload('catalog')}`;
const OPINION = `同意${payload('opinion')}`;

describe.skipIf(skip !== null)('user text stays text in Chromium, under the CSP, cookie-only', () => {
  let server: E2eServer;
  let browser: Browser;
  let entryId: string;
  let instanceId: string;

  const call = async (method: string, path: string, as: string, json?: unknown) => {
    const res = await server.request(path, { method, as, json });
    const body = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : undefined;
    expect(res.status, `${method} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
    return body as any;
  };
  const completeTask = async (elementId: string, as: string, variables: Record<string, unknown>) => {
    const tasks = await call('GET', `/api/tasks?scope=all&processInstanceId=${instanceId}`, as);
    const task = tasks.items.find((t: { elementId: string }) => t.elementId === elementId);
    expect(task, `${elementId} open for ${as}`).toBeDefined();
    await call('POST', `/api/tasks/${task.id}/complete`, as, { variables });
  };

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    await call('POST', '/api/forms', 'admin', {
      key: 'xss-note',
      title: FORM_TITLE,
      schema: { type: 'object', properties: { note: { type: 'string', title: `说明${payload('field')}` } } },
    });
    // 普查 first: the entry's system must be in its unit's census.
    await call('POST', '/api/catalog/systems', 'gaj.cataloguer', { name: '人口信息管理系统' });
    const started = await call('POST', '/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: entryFields('XC-GAJ-7001', { resourceName: ENTRY_NAME }),
    });
    instanceId = started.id;
    await completeTask('unit-approval', 'gaj.leader', { decision: 'approve', comment: OPINION });
    await completeTask('authority-review', 'reviewer', { decision: 'approve', comment: OPINION });
    // The publication is a job: setting the test clock to now runs it before answering.
    const { now } = await call('GET', '/api/test/clock', 'admin');
    await call('PUT', '/api/test/clock', 'admin', { now });
    const entries = await call('GET', '/api/catalog/entries?q=XC-GAJ-7001', 'gaj.cataloguer');
    entryId = entries.items[0].id;
  });
  afterAll(() => closeE2e(server, browser));

  /** A page that logs in through the form, recording dialogs, CSP reports and any Authorization header sent. */
  async function loggedIn(username: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const cspViolations: string[] = [];
    const bearer: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('request', (r) => {
      if (r.headers().authorization) bearer.push(r.url());
    });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('huiliu-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
    return { context, page, dialogs, cspViolations, bearer };
  }

  /** The text is on screen as the user typed it (innerText: what a reader sees, markup included literally). */
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point: hidden nodes must not count
  const shows = (page: Page, text: string) => page.evaluate((t) => document.body.innerText.includes(t), text);

  /** Nothing the payload carries became an element: no script of ours, no <img src=x>. */
  const injected = (page: Page) =>
    page.evaluate(
      () =>
        document.querySelectorAll('img[src="x"]').length +
        [...document.scripts].filter((s) => s.textContent?.includes('xss-')).length,
    );

  it('given a form title, a catalog name and an opinion with markup, when their pages open, then the text shows literally and nothing runs', async () => {
    // The form designer is the administrators' (a reviewer is told so): an administrator reads the title there.
    const admin = await loggedIn('admin');
    await admin.page.goto(`${server.url}/forms/xss-note`);
    await expect.poll(() => shows(admin.page, FORM_TITLE), { timeout: 15_000 }).toBe(true);
    expect(await injected(admin.page)).toBe(0);
    await admin.page.screenshot({ path: `${ARTIFACTS}/xss-form.png` });
    expect(admin.dialogs).toEqual([]);
    expect(admin.cspViolations).toEqual([]);
    await admin.context.close();

    const reviewer = await loggedIn('reviewer');
    const { page } = reviewer;

    await page.goto(`${server.url}/catalog?q=XC-GAJ-7001`);
    await expect.poll(() => shows(page, ENTRY_NAME), { timeout: 15_000 }).toBe(true);
    await page.goto(`${server.url}/catalog/${entryId}`);
    await expect.poll(() => shows(page, ENTRY_NAME), { timeout: 15_000 }).toBe(true);
    expect(await injected(page)).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/xss-catalog.png` });

    await page.goto(`${server.url}/instances/${instanceId}`);
    // The opinion now shows in the 审批记录 (#17); the technical log is an administrator's, folded.
    await page.getByTestId('approval-record').waitFor();
    await expect.poll(() => shows(page, OPINION), { timeout: 15_000 }).toBe(true);
    expect(await injected(page)).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/xss-opinion.png` });

    expect(reviewer.dialogs).toEqual([]);
    expect(reviewer.cspViolations).toEqual([]);
    // Cookie-only: nothing in storage, no Authorization header on any request.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toMatch(/token/i);
    expect(reviewer.bearer).toEqual([]);
    await reviewer.context.close();
    // Ordinary browsing provokes no refusals: the auditors' http.forbidden rows stay meaningful.
    const refusals = await call(
      'GET',
      '/api/audit?actor=reviewer&action=http.forbidden',
      await auditorOf(server),
    );
    expect(refusals.items.map((r: { target: string }) => r.target)).toEqual([]);
  }, 90_000);

  it('given the audit.admin account, when it opens 安全审计, then the rows list, filter and show markup as text; others have no menu entry', async () => {
    const auditor = await auditorOf(server);
    const others = await loggedIn('gaj.leader');
    expect(await others.page.getByTestId('nav-audit').count()).toBe(0);
    await others.context.close();

    const session = await loggedIn(auditor);
    const { page } = session;
    await page.getByTestId('nav-audit').click();
    await page.waitForURL(/\/audit/);
    await page.getByTestId('audit-table').waitFor();
    await expect.poll(() => page.locator('[data-testid^="audit-row-"]').count()).toBeGreaterThan(0);
    await page.getByTestId('audit-action').fill('form.save');
    await page.getByTestId('audit-search').click();
    await page.waitForURL(/action=form.save/);
    const row = page.locator('[data-testid^="audit-row-"]').first();
    await expect.poll(() => row.textContent()).toContain('xss-note v1');
    await expect.poll(() => row.textContent()).toContain(FORM_TITLE);
    expect(await injected(page)).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/audit-page.png` });
    expect(session.dialogs).toEqual([]);
    expect(session.cspViolations).toEqual([]);
    await session.context.close();
  }, 90_000);
});
