/** @module Headless Chromium for UI tests (playwright-core + Debian's /usr/bin/chromium); required under CI. */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null. Under CI=true a missing browser fails instead of skipping. */
export function browserUnavailableReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`CI=true: ${reason}`);
  console.warn(`[test] skipping browser tests: ${reason}`);
  return reason;
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // As root in a sandbox with a closed network: no sandbox, no background traffic.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  // Every context asks for reduced motion, so the UI turns antd's animations off (ui/src/app.tsx) and a click never
  // lands on a dropdown still sliding in. browser.newPage() goes through newContext() too.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

/** Logs a demo user in through the login page (as a person would) and waits for the shell. */
export async function logInThroughUi(
  page: Page,
  baseUrl: string,
  username: string,
  password = 'huiliu-demo',
) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // On a phone the user's name sits in the menu drawer; the menu button shows the shell is there.
  await page.getByTestId('user-name').or(page.getByTestId('nav-menu-button')).first().waitFor();
}
