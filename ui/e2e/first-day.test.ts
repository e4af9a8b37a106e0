/**
 * @module Browser test of a county's first day (#11): the security administrator adds a unit on /admin/units and
 * imports its users from a workbook (one-time passwords shown once, and the new user must change theirs); a cataloguer imports the census and then the
 * catalog: the dry run lists the bad cell, the fixed file commits, and the entry is in the catalog.
 * The `security` account (security.admin) is ensured in the test database (server/testing/security-admin.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';
import { ensureSecurityAdmin } from '../../server/testing/security-admin';
import {
  ENTRY_HEADERS,
  entryRow,
  ITEM_HEADERS,
  SYSTEM_HEADERS,
  workbookOf,
} from '../../workflows/imports/testing';

const skip = browserUnavailableReason();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.skipIf(skip !== null)("a county's first day in Chromium", () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    await ensureSecurityAdmin(server);
  });
  afterAll(() => closeE2e(server, browser));

  async function loginAs(username: string, password?: string): Promise<Page> {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    ).newPage();
    await logInThroughUi(page, server.url, username, password);
    return page;
  }

  /** Picks `content` in the open import dialog, runs the check and waits for its report. */
  async function check(page: Page, name: string, content: Buffer) {
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name, mimeType: XLSX, buffer: content });
    await expect.poll(() => page.getByTestId('import-file').textContent()).toBe(name);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor();
  }

  it('given the security administrator, when they add 县林业局 and import two of its people, then the unit is listed and both get one-time passwords', async () => {
    const page = await loginAs('security');
    await page.getByTestId('nav-admin-units').click();
    await page.getByTestId('units-table').waitFor();
    await expect.poll(() => page.getByTestId('units-table').textContent()).toContain('县公安局');

    await page.getByTestId('units-new').click();
    await page.getByTestId('unit-code').fill('lyj');
    await page.getByTestId('unit-name').fill('县林业局');
    await page.getByTestId('unit-save').click();
    await expect.poll(() => page.getByTestId('units-table').textContent()).toContain('县林业局');
    await page.screenshot({ path: `${ARTIFACTS}/first-day-units.png` });

    await page.goto(`${server.url}/admin/users`);
    await page.getByTestId('import-users').click();
    const users = await workbookOf({
      用户: [
        ['用户名', '姓名', '单位代码', '角色'],
        ['lyj.cataloguer', '林编目', 'lyj', '目录编制员'],
        ['lyj.leader', '林局长', 'lyj', '单位负责人'],
      ],
    });
    await check(page, 'users.xlsx', users);
    await page.getByTestId('import-clean').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    const passwords = page.getByTestId('import-passwords');
    await expect.poll(() => passwords.textContent()).toContain('lyj.cataloguer');
    expect(await passwords.textContent()).toContain('lyj.leader');
    await page.screenshot({ path: `${ARTIFACTS}/first-day-users-imported.png` });

    // the new cataloguer logs in with the one-time password shown and must change it first
    const oneTime = (await passwords
      .locator('tr', { hasText: 'lyj.cataloguer' })
      .locator('code')
      .textContent())!.trim();
    const newcomer = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    ).newPage();
    await newcomer.goto(`${server.url}/login`);
    await newcomer.getByTestId('login-username').fill('lyj.cataloguer');
    await newcomer.getByTestId('login-password').fill(oneTime);
    await newcomer.getByTestId('login-submit').click();
    await newcomer.waitForURL(/\/account$/);
    await newcomer.getByTestId('account-must-change').waitFor();
  });

  it('given a cataloguer, when the catalog workbook has a bad cell, then the dry run lists it; the fixed file commits and the entry is listed', async () => {
    const page = await loginAs('gaj.cataloguer');
    await page.getByTestId('nav-catalog').click();
    await page.getByTestId('import-systems').click();
    await check(
      page,
      'systems.xlsx',
      await workbookOf({
        信息系统: [
          SYSTEM_HEADERS,
          ['gaj', '人口信息管理系统', '', '上级部署', '在用', '', '', '政务云', '是'],
        ],
      }),
    );
    await page.getByTestId('import-clean').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-close').click();

    const catalog = (shareType: string) =>
      workbookOf({
        目录: [
          ENTRY_HEADERS,
          entryRow('gaj', 'XC-GAJ-0901', '人口信息管理系统', {
            信息资源名称: '流动人口登记信息',
            共享属性: shareType,
          }),
        ],
        数据项: [ITEM_HEADERS, ['XC-GAJ-0901', '暂住证号', '字符', 20, '否']],
      });
    await page.getByTestId('import-catalog').click();
    await check(page, 'catalog-bad.xlsx', await catalog('随便共享'));
    await page.getByTestId('import-has-errors').waitFor();
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.textContent()).toContain('“随便共享”不在可选值中');
    expect(await errors.textContent()).toMatch(/目录\s*2\s*共享属性/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/first-day-catalog-errors.png` });

    await check(page, 'catalog.xlsx', await catalog('无条件共享'));
    await page.getByTestId('import-clean').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-close').click();
    await page.getByTestId('catalog-search').locator('input').fill('XC-GAJ-0901');
    await page.getByTestId('catalog-search').locator('input').press('Enter');
    await expect.poll(() => page.locator('.ant-table').first().textContent()).toContain('流动人口登记信息');
  });
});
