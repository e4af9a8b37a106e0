/**
 * @module Browser test of #17 items 5–7 (H4): 暂存 and asking before leaving, the phone layout at 390×844 in Chinese and
 * English, and the bugs met on the way (-5 refused, no empty first option, a change already open said up front, the
 * end of a process said as such, one clear message for another unit's instance, the dashboard's period and figures).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe.skipIf(skip !== null)('#17 drafts, phone layout and bugs in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    // Demo content: published entries, data problems under rectification (one overdue).
    ({ server, browser } = await startE2e({ startPollers: true, demoContent: true }));
  }, 120_000);
  afterAll(() => closeE2e(server, browser));

  async function open(username: string, viewport = DESKTOP, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    if (lang === 'en') await context.addInitScript(() => localStorage.setItem('huiliu.lang', 'en'));
    const page = await context.newPage();
    await logInThroughUi(page, server.url, username);
    return page;
  }
  const api = async (path: string, as: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await server.request(path, { ...init, as });
    return { status: res.status, body: (await res.json()) as any };
  };
  const groupTasks = async (
    as: string,
    elementId: string,
  ): Promise<{ id: string; processInstanceId: string }[]> =>
    (await api('/api/tasks?scope=group&pageSize=100', as)).body.items.filter(
      (t: { elementId: string }) => t.elementId === elementId,
    );
  /** Wider than the screen anywhere = the page scrolls sideways. */
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  const rightEdge = async (page: Page, testId: string) => {
    const box = await page.getByTestId(testId).first().boundingBox();
    return box ? box.x + box.width : Number.POSITIVE_INFINITY;
  };

  it('暂存: closing, back and reload ask first; a saved draft comes back; -5 is refused, not turned into 0; the draft goes with the task', async () => {
    // given 县公安局's rectifier opens a rectification offered to the unit
    const [task] = await groupTasks('gaj.rectifier', 'rectify');
    const page = await open('gaj.rectifier');
    await page.goto(`${server.url}/tasks/${task.id}?tab=group`);
    await page.getByTestId('task-form').waitFor();
    // when they write half an explanation and close the drawer
    await page.fill('#root_explanation', '已补录迁入地址，');
    await page.locator('.ant-drawer-close').first().click();
    // then they are asked first, and 继续填写 keeps the drawer and the text
    await page.getByTestId('leave-confirm').waitFor();
    await page.getByTestId('leave-stay').click();
    expect(await page.inputValue('#root_explanation')).toBe('已补录迁入地址，');
    // and the browser's back button asks too, staying on the task
    await page.goBack();
    await page.getByTestId('leave-confirm').waitFor();
    expect(page.url()).toContain(`/tasks/${task.id}`);
    await page.getByTestId('leave-stay').click();
    // and a reload or a closed tab meets the browser's own question (our beforeunload handler asks for it)
    expect(
      await page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      }),
    ).toBe(true);
    // when they press 暂存 and reload
    await page.getByTestId('draft-save').click();
    await expect
      .poll(
        async () => (await api(`/api/drafts/task/${task.id}`, 'gaj.rectifier')).body.draft?.data?.explanation,
      )
      .toBe('已补录迁入地址，');
    await page.reload();
    // then the form opens with the draft, and says so
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.inputValue('#root_explanation')).toBe('已补录迁入地址，');
    await page.screenshot({ path: `${ARTIFACTS}/h4-draft-restored.png` });
    // when they finish the text, type -5 records and submit
    await page.fill('#root_explanation', '已补录迁入地址，共核对 12 条。');
    await page.fill('#root_fixedCount', '-5');
    await page.locator('#root_explanation').click(); // blur: antd used to clamp to 0 here
    expect(await page.inputValue('#root_fixedCount')).toBe('-5');
    await page.getByTestId('task-form').getByTestId('form-submit').click();
    // then the form refuses it on the field, and nothing was completed
    await expect
      .poll(() => page.getByTestId('task-form').innerText())
      .toMatch(/整改记录数[^\n]*(不能小于|不小于|≥|最小)[^\n]*0|必须 >= 0|应当大于或等于 0/);
    expect((await api(`/api/tasks/${task.id}`, 'gaj.rectifier')).body.status).toBe('open');
    // when they correct it and submit
    await page.fill('#root_fixedCount', '12');
    await page.getByTestId('task-form').getByTestId('form-submit').click();
    await page.getByTestId('completion-result').waitFor();
    // then the draft is gone with the task, and leaving asks nothing
    expect((await api(`/api/drafts/task/${task.id}`, 'gaj.rectifier')).body).toEqual({ draft: null });
    await page
      .getByTestId('completion-result')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    expect(await page.getByTestId('leave-confirm').isVisible()).toBe(false);

    // when governance passes the verification (the last human step)
    const verify = (await groupTasks('governance', 'verify')).find(
      (t) => t.processInstanceId === task.processInstanceId,
    );
    expect(verify).toBeDefined();
    const governance = await open('governance');
    await governance.goto(`${server.url}/tasks/${verify?.id}?tab=group`);
    await governance.getByTestId('task-form').waitFor();
    await governance.locator('#root_decision').getByText('核验通过', { exact: true }).click();
    await governance.getByTestId('task-form').getByTestId('form-submit').click();
    // then the drawer says the process is finished, not that it "moved on to someone else"
    await expect
      .poll(() => governance.getByTestId('completion-next').innerText(), { timeout: 15_000 })
      .toContain('流程已结束');
    expect(await governance.getByTestId('completion-next').innerText()).not.toContain('非本人办理');
  });

  it('a start form keeps its draft per process; 存储格式 and 更新周期 open without an empty first option', async () => {
    const page = await open('gaj.cataloguer');
    await page.goto(`${server.url}/processes?start=catalog-registration`);
    await page.getByTestId('start-form').waitFor();
    for (const field of ['storageFormat', 'updateCycle']) {
      await page.locator(`#root_${field}`).click();
      // The open list (antd keeps closed ones in the page, hidden)
      const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      const first = open.locator('.ant-select-item-option').first();
      await first.waitFor();
      expect((await first.innerText()).trim()).not.toBe('');
      await page.keyboard.press('Escape');
      await expect.poll(() => open.count()).toBe(0);
    }
    await page.fill('#root_resourceName', '草稿中的目录');
    await page.getByTestId('draft-save').click();
    await expect
      .poll(
        async () =>
          (await api('/api/drafts/start/catalog-registration', 'gaj.cataloguer')).body.draft?.data
            ?.resourceName,
      )
      .toBe('草稿中的目录');
    await page.goto(`${server.url}/processes`);
    await page.goto(`${server.url}/processes?start=catalog-registration`);
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.inputValue('#root_resourceName')).toBe('草稿中的目录');
    // 放弃暂存 starts over
    await page.getByTestId('draft-discard').click();
    await expect.poll(() => page.inputValue('#root_resourceName')).toBe('');
    expect((await api('/api/drafts/start/catalog-registration', 'gaj.cataloguer')).body).toEqual({
      draft: null,
    });
  });

  it('the entry page says up front that a change is open; another unit’s instance is one clear message without its id', async () => {
    // given an open change request on 县公安局's XC-GAJ-0001
    const list = await api('/api/catalog/entries?q=XC-GAJ-0001', 'gaj.cataloguer');
    const entry = list.body.items[0];
    const started = await api('/api/process-instances', 'gaj.cataloguer', {
      method: 'POST',
      json: {
        processKey: 'catalog-change',
        variables: {
          entryId: entry.id,
          changeType: 'modify',
          reason: '更新周期调整',
          changes: { updateCycle: 'weekly' },
        },
      },
    });
    expect(started.status).toBe(201);
    // when the cataloguer opens the entry
    const page = await open('gaj.cataloguer');
    await page.goto(`${server.url}/catalog/${entry.id}`);
    // then the page says so before any form, and 申请变更 is not offered
    await page.getByTestId('entry-change-open').waitFor();
    expect(await page.getByTestId('entry-change-open').innerText()).toContain('已有一项变更申请正在办理');
    expect(await page.getByTestId('entry-request-change').isDisabled()).toBe(true);
    // when 卫健委's cataloguer opens that change's instance page
    const other = await open('wjj.cataloguer');
    await other.goto(`${server.url}/instances/${started.body.id}`);
    await other.getByTestId('instance-error').waitFor();
    await other.waitForTimeout(800); // a toast would have shown by now
    const text = await other.locator('body').innerText();
    // then one clear message, no id, said once
    expect(text).toContain('找不到这个流程实例');
    expect(text).not.toMatch(UUID);
    expect(text.split('找不到这个流程实例').length - 1).toBe(1);
    expect(text).not.toContain('不存在：');
  });

  it('the dashboard: a date range picker in the UI language, 受理问题, 按期整改率 below 100% with an overdue item, quiet units folded, trend inside the period', async () => {
    const page = await open('supervisor');
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('stats-table').waitFor();
    // the period is antd's range picker showing ISO dates, not the browser's 12/01/2026
    const period = page.getByTestId('stats-period');
    await period.waitFor();
    const [from, to] = await period
      .locator('input')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    // 受理问题, as in the workbook
    const body = await page.locator('body').innerText();
    expect(body).toContain('受理问题');
    expect(body).not.toContain('收到问题');
    // with an item overdue, the on-time rate is not 100%
    expect(
      Number(await page.getByTestId('kpi-overdue').locator('.ant-statistic-content-value').innerText()),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('kpi-on-time').innerText()).not.toContain('100');
    // quiet units are folded under one line
    await page.getByTestId('stats-quiet').waitFor();
    const shown = await page.getByTestId('stats-table').locator('tbody tr.ant-table-row').count();
    await page.getByTestId('stats-quiet-toggle').click();
    await expect
      .poll(() => page.getByTestId('stats-table').locator('tbody tr.ant-table-row').count())
      .toBeGreaterThan(shown);
    // when a reversed period is typed, the picker puts it in order: no developer message anywhere
    await period.locator('input').first().click();
    await period
      .locator('input')
      .first()
      .fill(`${to.slice(0, 8)}28`);
    await page.keyboard.press('Enter');
    await period
      .locator('input')
      .nth(1)
      .fill(`${to.slice(0, 8)}01`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    const after = await page.locator('body').innerText();
    expect(after).not.toMatch(/from ≤ to|YYYY-MM-DD 日期/);
    expect(after.split('开始日期不能晚于结束日期').length - 1).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${ARTIFACTS}/h4-dashboard.png`, fullPage: true });
  });

  it('in English, the main pages have no Chinese outside user data (labels, buttons, headers, placeholders, choices)', async () => {
    /** UI text (not user data: entry, unit, person and task names, problem text) that still has Chinese characters. */
    const chineseChrome = (page: Page) =>
      page.evaluate(() => {
        const sel = [
          'button',
          'th',
          'label',
          '.ant-form-item-label',
          '.ant-tabs-tab',
          '.ant-descriptions-item-label',
          '.ant-empty-description',
          '.ant-select-selection-placeholder',
          '.ant-statistic-title',
          '.ant-alert-title',
          '.ant-form-item-extra',
          '.field-description',
          '.ant-radio-wrapper',
          '.ant-card-head-title',
          '.ant-menu-title-content',
        ].join(', ');
        // The language switch names Chinese in Chinese; a task's name (its open button) is the process's own word.
        const userData =
          '[data-testid="lang-switch"], [data-testid^="task-open-"], tr.task-row td:first-child, [data-testid="entry-code"]';
        const out: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>(sel)) {
          if (el.closest(userData)) continue;
          const text = el.innerText.trim();
          if (/[\u4e00-\u9fff]/.test(text)) out.push(text.slice(0, 60));
        }
        for (const el of document.querySelectorAll<HTMLElement>('[placeholder]')) {
          const text = el.getAttribute('placeholder') ?? '';
          if (/[\u4e00-\u9fff]/.test(text)) out.push(`placeholder: ${text}`);
        }
        return [...new Set(out)];
      });
    const rectifier = await open('gaj.rectifier', DESKTOP, 'en');
    await rectifier.goto(`${server.url}/tasks?tab=group`);
    await rectifier.locator('[data-testid^="task-open-"]').first().waitFor();
    expect(await chineseChrome(rectifier)).toEqual([]);
    await rectifier.locator('[data-testid^="task-open-"]').first().click();
    await rectifier.getByTestId('task-form').waitFor();
    // (the submitted problem's own field values are user data; its field names are the form's)
    expect((await chineseChrome(rectifier)).filter((t) => !t.startsWith('Submitted'))).toEqual([]);
    const cataloguer = await open('gaj.cataloguer', DESKTOP, 'en');
    await cataloguer.goto(`${server.url}/catalog`);
    await cataloguer.getByTestId('catalog-list').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await chineseChrome(cataloguer)).toEqual([]);
    await cataloguer.getByTestId('catalog-list').locator('a[data-testid^="catalog-entry-"]').first().click();
    await cataloguer.getByTestId('entry-code').waitFor();
    await cataloguer.waitForTimeout(500);
    const entryText = await cataloguer.locator('body').innerText();
    for (const label of ['Resource name', 'Update cycle', 'Storage format', 'Sharing'])
      expect(entryText).toContain(label);
    for (const label of ['信息资源名称', '更新周期', '存储格式', '共享属性', '无条件共享'])
      expect(entryText).not.toContain(label);
    await cataloguer.goto(`${server.url}/processes?start=catalog-registration`);
    await cataloguer.getByTestId('start-form').waitFor();
    await cataloguer.waitForTimeout(500);
    expect(await chineseChrome(cataloguer)).toEqual([]);
    const startText = await cataloguer.getByTestId('start-form').innerText();
    for (const word of ['上传附件', '暂无附件', '添加一行', '无条件共享', '长期'])
      expect(startText).not.toContain(word);
    const supervisor = await open('supervisor', DESKTOP, 'en');
    await supervisor.goto(`${server.url}/dashboard`);
    await supervisor.getByTestId('stats-table').waitFor();
    expect(await chineseChrome(supervisor)).toEqual([]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`at 390×844 (${lang}): no sideways scrolling, a menu button with 退出登录, a full-screen task drawer with its buttons on screen`, async () => {
      const page = await open('gaj.rectifier', PHONE, lang);
      await page.goto(`${server.url}/tasks?tab=group`);
      await page.locator('[data-testid^="task-open-"]').first().waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await rightEdge(page, 'nav-menu-button')).toBeLessThanOrEqual(PHONE.width);
      // the claim/open buttons of each row are on screen
      const openButton = page.locator('[data-testid^="task-open-"]').first();
      const box = await openButton.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${ARTIFACTS}/h4-phone-inbox-${lang}.png` });
      // the menu: navigation, the user, language and 退出登录
      await page.getByTestId('nav-menu-button').click();
      await page.getByTestId('logout').waitFor();
      for (const id of ['nav-tasks', 'nav-catalog', 'user-name', 'lang-switch', 'logout'])
        expect(await rightEdge(page, id)).toBeLessThanOrEqual(PHONE.width);
      expect(await page.getByTestId('logout').innerText()).toContain(lang === 'zh' ? '退出登录' : 'Sign out');
      await page.keyboard.press('Escape');
      await page.getByTestId('logout').waitFor({ state: 'hidden' });
      // the task drawer takes the whole screen, its submit button within it
      await openButton.click();
      await page.getByTestId('task-form').waitFor();
      const drawer = await page.locator('.task-drawer-root .ant-drawer-content-wrapper').boundingBox();
      expect(drawer?.x).toBe(0);
      expect(drawer?.width).toBe(PHONE.width);
      await page.getByTestId('task-form').getByTestId('form-submit').scrollIntoViewIfNeeded();
      expect(await rightEdge(page, 'form-submit')).toBeLessThanOrEqual(PHONE.width);
      expect(await rightEdge(page, 'draft-save')).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${ARTIFACTS}/h4-phone-drawer-${lang}.png` });
      // notifications open within the screen
      await page.goto(`${server.url}/tasks`);
      await page.getByTestId('notifications-bell').click();
      await page.getByTestId('notifications-list').waitFor();
      const list = await page.getByTestId('notifications-list').boundingBox();
      expect(list && list.x).toBeGreaterThanOrEqual(0);
      expect(list && list.x + list.width).toBeLessThanOrEqual(PHONE.width);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.keyboard.press('Escape');

      // the cataloguer's pages: catalog list, an entry, a start form
      const cat = await open('gaj.cataloguer', PHONE, lang);
      await cat.goto(`${server.url}/catalog`);
      await cat.getByTestId('catalog-list').locator('tbody tr.ant-table-row').first().waitFor();
      expect(await pageWidth(cat)).toBeLessThanOrEqual(PHONE.width);
      await cat.screenshot({ path: `${ARTIFACTS}/h4-phone-catalog-${lang}.png` });
      await cat.getByTestId('catalog-list').locator('a[data-testid^="catalog-entry-"]').first().click();
      await cat.getByTestId('entry-code').waitFor();
      expect(await pageWidth(cat)).toBeLessThanOrEqual(PHONE.width);
      await cat.goto(`${server.url}/processes?start=catalog-registration`);
      await cat.getByTestId('start-form').waitFor();
      expect(await pageWidth(cat)).toBeLessThanOrEqual(PHONE.width);
      // every input within the screen, not pushed out by the data-items table
      const name = await cat.locator('#root_resourceName').boundingBox();
      expect(name && name.x + name.width).toBeLessThanOrEqual(PHONE.width);
      await cat.getByTestId('start-form').getByTestId('form-submit').scrollIntoViewIfNeeded();
      expect(await rightEdge(cat, 'form-submit')).toBeLessThanOrEqual(PHONE.width);
      await cat.screenshot({ path: `${ARTIFACTS}/h4-phone-start-${lang}.png` });
      // 我发起的, reached from the menu
      await cat.getByTestId('start-drawer').locator('.ant-drawer-close').click();
      await cat.getByTestId('nav-menu-button').click();
      await cat.getByTestId('nav-started').click();
      await cat.waitForURL(/\/started/);
      await cat.waitForTimeout(800);
      expect(await pageWidth(cat)).toBeLessThanOrEqual(PHONE.width);
    });
  }
});
