/**
 * @module The README screenshots: `npx tsx scripts/screenshots.ts` (after `npm run build`) starts a listening test
 * server with the demo content, logs in as the user each page is for, and saves 1280×800 PNGs into docs/screenshots/,
 * and 390×844 ones of the pages unit staff use on phones (phone-*.png).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailableReason, launchBrowser, logInThroughUi } from '../server/testing/browser';
import { startListeningTestServer } from '../server/testing/test-server';

/** `SCREENSHOTS_DIR` writes elsewhere (e.g. to refresh one picture without touching the others). */
const OUT = process.env.SCREENSHOTS_DIR ?? 'docs/screenshots';
type Server = Awaited<ReturnType<typeof startListeningTestServer>>;

async function loginAs(
  browser: Browser,
  server: Server,
  username: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  // The county's users read times in China time, whatever the machine's zone.
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await logInThroughUi(page, server.url, username);
  return page;
}

/** Lets spinners, fade-ins and the canvas zoom settle, then saves the viewport. */
async function save(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

async function firstId(server: Server, path: string, as: string): Promise<string> {
  const body = (await (await server.request(path, { as })).json()) as
    | { items?: { id: string }[] }
    | { id: string }[];
  const items = Array.isArray(body) ? body : (body.items ?? []);
  if (!items[0]) throw new Error(`nothing at ${path} for ${as}`);
  return items[0].id;
}

async function main() {
  const skip = browserUnavailableReason();
  if (skip) throw new Error(`no browser: ${skip}`);
  mkdirSync(OUT, { recursive: true });
  // Demo content: the published catalog and data problems driven through the real process, one already overdue.
  const [server, browser] = await Promise.all([
    startListeningTestServer('pglite', { startPollers: true, demoContent: true }),
    launchBrowser(),
  ]);
  try {
    const anonymous = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    ).newPage();
    await anonymous.goto(`${server.url}/login`);
    await anonymous.getByTestId('login-submit').waitFor();
    await save(anonymous, '01-login');

    // 县公安局's rectifier: rectifications offered to the unit, one overdue
    const rectifier = await loginAs(browser, server, 'gaj.rectifier');
    await rectifier.goto(`${server.url}/tasks?tab=group`);
    await rectifier.locator('[data-testid^="task-open-"]').first().waitFor();
    await save(rectifier, '02-tasks');
    await rectifier.locator('[data-testid^="task-open-"]').first().click();
    await rectifier.getByTestId('task-form').waitFor();
    await save(rectifier, '03-task-form');

    const cataloguer = await loginAs(browser, server, 'gaj.cataloguer');
    await cataloguer.goto(`${server.url}/processes?start=catalog-registration`);
    await cataloguer.getByTestId('start-form').waitFor();
    await save(cataloguer, '04-process-start-form');

    const admin = await loginAs(browser, server, 'admin');
    await admin.goto(`${server.url}/modeler/catalog-registration`);
    await admin.locator('.djs-shape[data-element-id="authority-review"]').waitFor();
    await save(admin, '05-modeler');

    const instanceId = await firstId(
      server,
      '/api/process-instances?processKey=data-problem&status=active',
      'admin',
    );
    await admin.goto(`${server.url}/instances/${instanceId}`);
    // The 审批记录 (#17) replaced the raw timeline on the instance page.
    await admin.getByTestId('approval-record').or(admin.getByTestId('history-timeline')).first().waitFor();
    await admin.locator('.hl-active').first().waitFor();
    await save(admin, '06-instance');

    await cataloguer.goto(`${server.url}/catalog`);
    await cataloguer.getByText('XC-GAJ-0001').first().waitFor();
    await save(cataloguer, '07-catalog');
    await cataloguer.getByText('XC-GAJ-0001').first().click();
    await cataloguer.getByTestId('entry-code').waitFor();
    await save(cataloguer, '08-catalog-entry');

    await admin.goto(`${server.url}/forms/problem-report`);
    await admin.getByTestId('form-tab-designer').click();
    await admin.getByTestId('form-designer').waitFor();
    await admin.getByTestId('designer-field-problemType').click(); // show a field's properties with its options
    await admin.getByTestId('designer-properties').waitFor();
    await save(admin, '09-forms-designer');

    const supervisor = await loginAs(browser, server, 'supervisor');
    await supervisor.goto(`${server.url}/dashboard`);
    await supervisor.getByTestId('stats-table').waitFor();
    await save(supervisor, '10-dashboard');

    // Administration (三员分立): the county's users as the security administrator, the calendar as the process one
    const security = await loginAs(browser, server, 'security');
    await security.goto(`${server.url}/admin/users`);
    await security.getByTestId('user-row-gaj.cataloguer').waitFor();
    await save(security, 'admin-users');
    await admin.goto(`${server.url}/admin/calendar`);
    await admin.getByTestId('calendar-year').waitFor();
    await save(admin, 'admin-calendar');

    // On a phone (390×844, as unit staff use 浙政钉): the inbox, the menu, a task full screen, the catalog, a start form
    const phone = { width: 390, height: 844 };
    const phoneRectifier = await loginAs(browser, server, 'gaj.rectifier', phone);
    await phoneRectifier.goto(`${server.url}/tasks?tab=group`);
    await phoneRectifier.locator('[data-testid^="task-open-"]').first().waitFor();
    await save(phoneRectifier, 'phone-01-tasks');
    await phoneRectifier.getByTestId('nav-menu-button').click();
    await phoneRectifier.getByTestId('logout').waitFor();
    await save(phoneRectifier, 'phone-02-menu');
    await phoneRectifier.keyboard.press('Escape');
    await phoneRectifier.getByTestId('logout').waitFor({ state: 'hidden' });
    await phoneRectifier.locator('[data-testid^="task-open-"]').first().click();
    await phoneRectifier.getByTestId('task-form').waitFor();
    await save(phoneRectifier, 'phone-03-task');
    const phoneCataloguer = await loginAs(browser, server, 'gaj.cataloguer', phone);
    await phoneCataloguer.goto(`${server.url}/catalog`);
    await phoneCataloguer.getByText('XC-GAJ-0001').first().waitFor();
    await save(phoneCataloguer, 'phone-04-catalog');
    await phoneCataloguer.goto(`${server.url}/processes?start=catalog-registration`);
    await phoneCataloguer.getByTestId('start-form').waitFor();
    await save(phoneCataloguer, 'phone-05-start-form');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
