/**
 * @module Browser test of accounts (#15, #11): a user created by the security administrator logs in with the
 * one-time password, is kept on /account until it is changed (a weak one refused with the rule named), and reaches
 * the inbox; a new process administrator must enrol TOTP (the code computed here with otpauth), keeps the recovery
 * codes, and logs in again with a code.
 */
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('accounts in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
  });
  afterAll(() => closeE2e(server, browser));

  const newPage = async (): Promise<Page> =>
    (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();

  /** The security administrator creates the account through the API; the answer carries the one-time password. */
  async function createAccount(username: string, name: string, unitId: string, roles: string[]) {
    const res = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: { username, name, unitId, roles },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { oneTimePassword: string }).oneTimePassword;
  }

  async function submitLogin(page: Page, username: string, password: string) {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  async function changePassword(page: Page, current: string, next: string) {
    await page.getByTestId('password-current').fill(current);
    await page.getByTestId('password-new').fill(next);
    await page.getByTestId('password-confirm').fill(next);
    await page.getByTestId('password-submit').click();
  }

  it('given a new user with a one-time password, when they log in, then they must change it on /account and then reach the inbox', async () => {
    const oneTime = await createAccount('gaj.newcomer', '冯新人', 'gaj', ['unit.cataloguer']);
    const page = await newPage();
    await submitLogin(page, 'gaj.newcomer', oneTime);
    await page.waitForURL(/\/account$/);
    await page.getByTestId('account-must-change').waitFor();
    expect(await page.getByTestId('password-policy').textContent()).toMatch(/至少 10 个字符/);
    // nowhere else until changed
    await page.goto(`${server.url}/tasks`);
    await page.waitForURL(/\/account$/);
    // a weak password is refused with the rule named
    await changePassword(page, oneTime, 'gajnewcomer1');
    await expect.poll(() => page.getByTestId('password-error').textContent()).toMatch(/至少三类/);
    await page.screenshot({ path: `${ARTIFACTS}/account-weak-password.png` });
    await changePassword(page, oneTime, 'Gaj-Newcomer-2026');
    await page.waitForURL(/\/tasks$/);
    await page.getByTestId('nav-tasks').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toContain('冯新人');
  });

  it('given a new process administrator, when they first log in, then they enrol TOTP, keep the recovery codes, and log in again with a code', async () => {
    const oneTime = await createAccount('zhou.flow', '周流程', 'dsj', ['authority.admin']);
    const page = await newPage();
    await submitLogin(page, 'zhou.flow', oneTime);
    await page.waitForURL(/\/account$/);
    await changePassword(page, oneTime, 'Zhou-Flow-2026');
    // still here: the second factor is next
    await page.getByTestId('account-must-enrol').waitFor();
    expect(page.url()).toMatch(/\/account$/);
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').waitFor();
    const url = (await page.getByTestId('totp-url').textContent()) ?? '';
    expect(url).toMatch(/^otpauth:\/\/totp\//);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(url).toContain(`secret=${secret}`);
    await page.screenshot({ path: `${ARTIFACTS}/account-totp-enrol.png` });
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    await page.getByTestId('totp-code').fill(totp.generate());
    await page.getByTestId('totp-confirm').click();
    await expect.poll(() => page.getByTestId('recovery-code').count()).toBe(10);
    await page.screenshot({ path: `${ARTIFACTS}/account-recovery-codes.png` });
    await page.getByTestId('recovery-done').click();
    await page.waitForURL(/\/tasks$/);

    // log out, and in again: the password alone is not enough
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await submitLogin(page, 'zhou.flow', 'Zhou-Flow-2026');
    await page.getByTestId('login-code').waitFor();
    // a wrong code is refused in the server's words
    await page.getByTestId('login-code').fill('000000');
    await page.getByTestId('login-code-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/验证码错误/);
    // the next 30-second step's code (the enrolment used this step's: a code is good once)
    await page.getByTestId('login-code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByTestId('login-code-submit').click();
    await page.waitForURL(/\/tasks$/);
    expect(await page.getByTestId('user-name').textContent()).toContain('周流程');
  });
});
