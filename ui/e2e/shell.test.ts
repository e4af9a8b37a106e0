/** @module Browser test of the shell: a unit cataloguer logs in and sees the navigation, their name and unit. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('the UI shell in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser } = await startE2e());
  });
  afterAll(() => closeE2e(server, browser));

  it('logs in as gaj.cataloguer and shows 任务 / 流程 / 表单 / 目录 with the user and unit, without 督办', async () => {
    // given a fresh browser at the product's address
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/tasks`);
    // then an anonymous visitor lands on the login page
    await page.waitForURL(/\/login/);
    // when the cataloguer logs in with a wrong password, then the Chinese error shows
    await page.getByTestId('login-username').fill('gaj.cataloguer');
    await page.getByTestId('login-password').fill('wrong');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    // when they log in properly
    await page.getByTestId('login-password').fill('huiliu-demo');
    await page.getByTestId('login-submit').click();
    // then the shell shows their name and unit and the navigation of their role
    await page.getByTestId('user-name').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toContain('周编目');
    expect(await page.getByTestId('user-unit').textContent()).toContain('县公安局');
    for (const [id, label] of [
      ['nav-tasks', '任务'],
      ['nav-processes', '流程'],
      ['nav-forms', '表单'],
      ['nav-catalog', '目录'],
    ]) {
      expect(await page.getByTestId(id).textContent()).toContain(label);
    }
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/shell-tasks.png`, fullPage: true });
    // and each fixed route exists (renders inside the shell, not a blank page)
    for (const route of [
      '/processes',
      '/catalog',
      '/forms/catalog-entry',
      '/instances/unknown',
      '/dashboard',
    ]) {
      await page.goto(`${server.url}${route}`);
      await page.getByTestId('user-name').waitFor();
    }
    await page.close();
  });
});
