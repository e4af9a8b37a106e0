/**
 * @module Browser test of the administration pages and the census: the security administrator creates a user who
 * then logs in and changes the one-time password; the process administrator loads a year's holidays and sees the
 * provisional deadlines recomputed; a cataloguer adds an information system.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

/** A task due 5 working days after its start: started on 2026-12-28 it reaches into 2027, which nobody has loaded. */
const YEAR_END_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="year-end" name="年末核对" isExecutable="true"><bpmn:startEvent id="s" />
    <bpmn:userTask id="t" name="核对年度数据"><bpmn:extensionElements><zeebe:userTask />
      <zeebe:assignmentDefinition candidateGroups="authority.reviewer" /><zeebe:taskSchedule dueDate="=workday(now(), 5)" />
    </bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" /><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
  </bpmn:process></bpmn:definitions>`;

describe.skipIf(skip !== null)('administration and census in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
  });
  afterAll(() => closeE2e(server, browser));

  async function loginAs(username: string, password?: string): Promise<Page> {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    ).newPage();
    await logInThroughUi(page, server.url, username, password);
    return page;
  }

  const option = (page: Page, text: string) =>
    page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();

  it('given the security administrator, when they create 城关镇 cataloguer with a one-time password, then that user logs in, changes it and works as 目录编制员 of 城关镇', async () => {
    // 三员分立: users are security.admin's (the demo `security`), not the process administrator's
    const admin = await loginAs('security');
    // the administration menu is there for the security administrator
    await admin.getByTestId('nav-admin').hover();
    await admin.getByTestId('nav-admin-users').click();
    await admin.getByTestId('users-table').waitFor();
    await expect.poll(() => admin.getByTestId('user-row-gaj.cataloguer').count()).toBe(1);

    await admin.getByTestId('users-new').click();
    const drawer = admin.getByTestId('user-drawer');
    // labelled inputs: found by their label, as a screen reader would
    await drawer.getByLabel('用户名').fill('cgz.cataloguer');
    await drawer.getByLabel('姓名').fill('钱编目');
    await drawer.getByLabel('所属单位').click();
    await admin.keyboard.type('城关镇');
    // Enter picks the filtered option: a click can land on a dropdown still animating on a loaded CI machine.
    await option(admin, '城关镇').waitFor();
    await admin.keyboard.press('Enter');
    await expect.poll(() => drawer.getByTestId('user-unit').textContent()).toContain('城关镇');
    await drawer.getByLabel('角色').click();
    // a county-wide role cannot be given to a town's staff
    await expect
      .poll(() => option(admin, '目录审核员').getAttribute('class'))
      .toContain('ant-select-item-option-disabled');
    await option(admin, '目录编制员').click();
    await expect.poll(() => drawer.getByTestId('user-roles').textContent()).toContain('目录编制员');
    await admin.keyboard.press('Escape');
    await drawer.getByLabel('一次性密码').fill('chengguan-2026');
    await admin.screenshot({ path: `${ARTIFACTS}/admin-user-drawer.png` });
    await admin.getByTestId('user-save').click();
    await admin.getByTestId('user-drawer').waitFor({ state: 'detached' });
    // the one-time password is shown once, to hand over
    expect(await admin.getByTestId('one-time-password').textContent()).toBe('chengguan-2026');
    await admin.locator('.ant-modal-confirm .ant-btn-primary').click();
    await admin.locator('.ant-modal-confirm').waitFor({ state: 'detached' });

    await admin.getByTestId('users-search').locator('input').fill('cgz');
    await admin.getByTestId('users-search').locator('input').press('Enter');
    const row = admin.getByTestId('user-row-cgz.cataloguer');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/钱编目.*城关镇.*目录编制员.*启用/);
    await admin.screenshot({ path: `${ARTIFACTS}/admin-users.png` });

    // the one-time password takes the newcomer to the account page, and nowhere else, until changed
    const newcomer = await loginAs('cgz.cataloguer', 'chengguan-2026');
    await newcomer.waitForURL(/\/account$/);
    await newcomer.getByTestId('password-current').fill('chengguan-2026');
    await newcomer.getByTestId('password-new').fill('Chengguan-2026!');
    await newcomer.getByTestId('password-confirm').fill('Chengguan-2026!');
    await newcomer.getByTestId('password-submit').click();
    await newcomer.waitForURL(/\/tasks$/);
    expect(await newcomer.getByTestId('user-name').textContent()).toContain('钱编目');
    expect(await newcomer.getByTestId('user-unit').textContent()).toContain('城关镇');
    expect(await newcomer.getByTestId('nav-admin').count()).toBe(0);

    // when the admin disables them, then their open session ends: the next page load goes back to the login page
    await admin.getByTestId('user-disable-cgz.cataloguer').click();
    await admin.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await expect.poll(() => row.textContent()).toContain('已停用');
    await newcomer.reload();
    await newcomer.waitForURL(/\/login/);

    // when the admin enables them again with a new password, then the new password logs in
    await admin.getByTestId('user-enable-cgz.cataloguer').click();
    await admin.getByTestId('user-disable-cgz.cataloguer').waitFor();
    await admin.getByTestId('user-password-cgz.cataloguer').click();
    await admin.getByLabel('新密码', { exact: true }).fill('chengguan-2027');
    await admin.getByLabel('确认新密码').fill('chengguan-2027');
    await admin.getByTestId('password-submit').click();
    await admin.locator('.ant-modal').waitFor({ state: 'detached' });
    await logInThroughUi(newcomer, server.url, 'cgz.cataloguer', 'chengguan-2027');
    await newcomer.waitForURL(/\/account$/); // a reset password is one-time too

    // and the page reads in English after the language switch
    await admin.getByTestId('lang-switch').click();
    await expect.poll(() => admin.locator('.ant-card-head-title').first().textContent()).toBe('Users');
    expect(await row.textContent()).toContain('Active');
    await admin.getByTestId('lang-switch').click();
  });

  it('given a deadline reaching into 2027, when the admin loads 2027, then the page says one deadline was recomputed', async () => {
    // given a reviewer task started on Monday 2026-12-28, due in five working days: provisional
    const deployed = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'year-end.bpmn', content: YEAR_END_BPMN }] },
    });
    expect(deployed.status).toBe(201);
    await server.request('/api/test/clock', {
      method: 'PUT',
      as: 'admin',
      json: { now: '2026-12-28T10:00:00+08:00' },
    });
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'year-end' },
    });
    expect(started.status).toBe(201);

    const admin = await loginAs('admin');
    await admin.goto(`${server.url}/admin/calendar?year=2026`);
    // the package's 2026 is shown with its source and National Day
    await expect.poll(() => admin.getByTestId('calendar-source').getAttribute('data-source')).toBe('package');
    expect(await admin.locator('[data-day="2026-10-01"]').getAttribute('data-kind')).toBe('holiday');
    await admin.screenshot({ path: `${ARTIFACTS}/admin-calendar-2026.png` });

    // when they pick 2027: not loaded, and the provisional deadline is listed with its process and missing year
    await admin.getByTestId('calendar-year').click();
    await option(admin, '2027').click();
    await admin.getByTestId('calendar-not-loaded').waitFor();
    const provisional = admin.getByTestId('provisional-list');
    await expect.poll(() => provisional.textContent()).toContain('核对年度数据');
    expect(await provisional.textContent()).toMatch(/年末核对.*县大数据发展中心.*2027/);
    await admin.screenshot({ path: `${ARTIFACTS}/admin-calendar-2027-missing.png` });

    // and load New Year's Day off (1-3 January) and a make-up Saturday
    await admin.getByTestId('calendar-edit').click();
    await admin.getByLabel('放假日期（含节假日期间的周末）').fill('2027-01-01~2027-01-03');
    await admin.getByLabel('调休上班日期（周末上班）').fill('2027-02-20');
    expect(await admin.getByTestId('year-parsed').textContent()).toContain(
      '已识别 3 个放假日、1 个调休上班日',
    );
    await admin.getByTestId('year-submit').click();

    // then the count of recomputed deadlines shows, the year is the admin's, and nothing is provisional any more
    await expect
      .poll(() => admin.getByTestId('calendar-recomputed').textContent())
      .toContain('重新计算了 1 项暂定期限');
    await expect.poll(() => admin.getByTestId('calendar-source').getAttribute('data-source')).toBe('admin');
    expect(await admin.locator('[data-day="2027-02-20"]').getAttribute('data-kind')).toBe('makeup');
    // The schedule and the provisional list reload independently after the save: wait for the list's own answer.
    await expect.poll(() => admin.getByTestId('provisional-card').count()).toBe(0);
    await admin.screenshot({ path: `${ARTIFACTS}/admin-calendar-2027-loaded.png` });
    const task = (await (
      await server.request('/api/tasks?scope=all&processKey=year-end', { as: 'reviewer' })
    ).json()) as any;
    expect(task.items[0]).toMatchObject({ dueAt: '2027-01-05T15:59:59.000Z', dueProvisional: false });
  });

  it('given a cataloguer, when they add a system in the census tab, then it is listed for their unit and the authority sees it under that unit', async () => {
    const cataloguer = await loginAs('rsj.cataloguer');
    await cataloguer.goto(`${server.url}/catalog`);
    await cataloguer.getByTestId('catalog-tab-census').click();
    await cataloguer.getByTestId('census-add').click();
    await cataloguer.getByLabel('信息系统名称').fill('就业登记管理系统');
    await cataloguer.getByLabel('说明').fill('求职登记、失业登记与就业援助');
    await cataloguer.getByTestId('census-save').click();
    const table = cataloguer.getByTestId('census-table');
    await expect.poll(() => table.textContent()).toContain('就业登记管理系统');
    expect(await table.textContent()).toContain('求职登记、失业登记与就业援助');
    await cataloguer.screenshot({ path: `${ARTIFACTS}/catalog-census.png` });

    // the same name twice is refused with the server's Chinese message
    await cataloguer.getByTestId('census-add').click();
    await cataloguer.getByLabel('信息系统名称').fill('就业登记管理系统');
    await cataloguer.getByTestId('census-save').click();
    await expect
      .poll(() => cataloguer.locator('.ant-message').textContent())
      .toContain('本单位已登记信息系统');
    await cataloguer
      .locator('.ant-modal')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    // and editing the description keeps the system under its name
    await cataloguer.locator('[data-testid^="census-edit-"]').first().click();
    await cataloguer.getByLabel('说明').fill('求职登记、失业登记、就业援助与职业培训');
    await cataloguer.getByTestId('census-save').click();
    await expect.poll(() => table.textContent()).toContain('就业援助与职业培训');

    const reviewer = await loginAs('reviewer');
    await reviewer.goto(`${server.url}/catalog?tab=census`);
    await reviewer.getByTestId('census-unit').click();
    await reviewer.keyboard.type('人力');
    await option(reviewer, '县人力社保局').click();
    await expect.poll(() => reviewer.getByTestId('census-table').textContent()).toContain('就业登记管理系统');
    expect(await reviewer.getByTestId('census-add').count()).toBe(0);
  });
});
