/**
 * @module Browser test (#17 items 1-4) at 1366×768, in Chinese and English: the 审批记录 speaks of people (name and
 * unit), acts in words and opinions, with no engine events; inbox rows say what a task is about and how many working
 * days are left; opening a claimable task from 待办 claims it; the verifier sees the rectification report and its
 * file on the task; round 2's rectifier sees its round and why round 1 failed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../workflows/demo/seed-demo-catalog';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const VIEWPORT = { width: 1366, height: 768 };

describe.skipIf(skip !== null)('approval record, task titles and previous steps in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let instanceId = '';
  let fileId = '';

  /** Waits until the user is offered the task (service tasks before it are done by the workers); usable in beforeAll. */
  async function taskOf(username: string, elementId: string): Promise<string> {
    for (let tries = 0; tries < 100; tries++) {
      const res = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, {
        as: username,
      });
      const found = ((await res.json()) as { items: { id: string; elementId: string }[] }).items.find(
        (t) => t.elementId === elementId,
      );
      if (found) return found.id;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${username} is not offered ${elementId}`);
  }

  async function pageOf(username: string, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORT });
    if (lang === 'en') await context.addInitScript(() => localStorage.setItem('huiliu.lang', 'en'));
    const page = await context.newPage();
    await logInThroughUi(page, server.url, username);
    return page;
  }

  beforeAll(async () => {
    ({ server, browser } = await startE2e({ startPollers: true }));
    await seedDemoCatalog(server.deps.db, new Date());
    const list = await server.request('/api/catalog/entries?q=XC-GAJ-0001', { as: 'wjj.feedback' });
    const entry = ((await list.json()) as { items: { id: string; code: string }[] }).items.find(
      (e) => e.code === 'XC-GAJ-0001',
    );
    expect(entry, 'the demo catalog has XC-GAJ-0001').toBeDefined();
    // 卫健委 reports, governance accepts with an opinion, 县公安局 reports its fix with a file
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'wjj.feedback',
      json: {
        processKey: 'data-problem',
        variables: {
          entryId: entry?.id,
          problemType: 'error',
          description: '出生日期与医保登记不一致（E2E）',
          urgent: false,
        },
      },
    });
    expect(started.status).toBe(201);
    instanceId = ((await started.json()) as { id: string }).id;
    const triage = await taskOf('governance', 'triage');
    const accepted = await server.request(`/api/tasks/${triage}/complete`, {
      method: 'POST',
      as: 'governance',
      json: { variables: { decision: 'accept', comment: '请数源单位核实整改' } },
    });
    expect(accepted.status).toBe(200);
    const rectify = await taskOf('gaj.rectifier', 'rectify');
    const form = new FormData();
    form.append(
      'file',
      new File([new TextEncoder().encode('身份证号,出生日期\n')], '更正清单.csv', { type: 'text/csv' }),
    );
    const uploaded = await server.request('/api/attachments', {
      method: 'POST',
      as: 'gaj.rectifier',
      body: form,
    });
    expect(uploaded.status).toBe(201);
    fileId = ((await uploaded.json()) as { id: string }).id;
    const fixed = await server.request(`/api/tasks/${rectify}/complete`, {
      method: 'POST',
      as: 'gaj.rectifier',
      json: {
        variables: { explanation: '已按医保登记更正出生日期', fixedCount: 12, rectifyAttachments: [fileId] },
      },
    });
    expect(fixed.status).toBe(200);
  }, 90_000);
  afterAll(() => closeE2e(server, browser));

  it('the verifier opens 核验 from 待办 (claiming it) and sees the rectification report, its file and the triage opinion', async () => {
    const verify = await taskOf('governance', 'verify');
    const page = await pageOf('governance');
    await page.goto(`${server.url}/tasks`);
    // the default tab is 待办 and the row says what the task is about
    const row = page.getByTestId(`task-row-${verify}`);
    await row.waitFor();
    expect(await row.getByTestId('task-row-title').innerText()).toMatch(
      /^问题反馈：.+ · 数据错误：出生日期与医保登记不一致（E2E）（县卫生健康局 杨反馈）$/,
    );
    await page.getByTestId(`task-open-${verify}`).click();
    const drawer = page.getByTestId('task-drawer');
    await drawer.getByTestId('task-form').waitFor();
    // opening it claimed it: it is governance's now
    await expect
      .poll(
        async () =>
          (await (await server.request(`/api/tasks/${verify}`, { as: 'governance' })).json()).assignee,
      )
      .toBe('governance');
    const previous = drawer.getByTestId('previous-steps');
    await previous.waitFor();
    await expect.poll(() => previous.innerText()).toContain('更正清单.csv');
    const text = await previous.innerText();
    for (const seen of [
      '整改反馈',
      '郑整改（县公安局）',
      '已按医保登记更正出生日期',
      '整改记录数',
      '12',
      '受理并转数源单位整改',
      '请数源单位核实整改',
    ])
      expect(text).toContain(seen);
    expect(text).not.toContain(fileId);
    expect(await drawer.getByTestId('task-about').innerText()).toContain('问题反馈：');
    await page.screenshot({ path: `${ARTIFACTS}/record-verifier-previous-steps.png` });
    // the verifier refuses the fix with an opinion, through the form
    await drawer.locator('#root_decision').getByText('核验不通过', { exact: true }).click();
    await drawer.locator('#root_comment').fill('仍有 3 条出生日期未更正');
    await drawer.getByTestId('task-form').getByTestId('form-submit').click();
    await page.getByTestId('completion-result').waitFor();
    await page.context().close();
  }, 90_000);

  it('round 2: the rectifier sees the task titled, its working days left, its round and why round 1 failed', async () => {
    const again = await taskOf('gaj.rectifier', 'rectify');
    const page = await pageOf('gaj.rectifier');
    await page.goto(`${server.url}/tasks`);
    const row = page.getByTestId(`task-row-${again}`);
    await row.waitFor();
    expect(await row.getByTestId('task-row-title').innerText()).toContain(
      '数据错误：出生日期与医保登记不一致（E2E）',
    );
    await expect.poll(() => row.getByTestId('remaining-tag').innerText()).toMatch(/^剩余 \d+ 个工作日$/);
    await page.screenshot({ path: `${ARTIFACTS}/record-inbox-title-remaining.png` });
    await page.getByTestId(`task-open-${again}`).click();
    const drawer = page.getByTestId('task-drawer');
    const previous = drawer.getByTestId('previous-steps');
    await previous.waitFor();
    expect(await previous.getByTestId('task-round').getAttribute('data-round')).toBe('2');
    await expect.poll(() => previous.innerText()).toContain('仍有 3 条出生日期未更正');
    expect(await previous.innerText()).toContain('核验不通过');
    expect(await previous.innerText()).toContain('赵治理（县大数据发展中心）');
    await page.screenshot({ path: `${ARTIFACTS}/record-round-2.png` });
    await page.context().close();
  }, 90_000);

  it('the reporter reads the 审批记录 on the instance page: people, acts, opinions, no engine events, a 业务编号', async () => {
    const page = await pageOf('wjj.feedback');
    await page.goto(`${server.url}/instances/${instanceId}`);
    const record = page.getByTestId('approval-record');
    await record.waitFor();
    await expect.poll(() => record.getByTestId('record-line').count()).toBe(4);
    const text = await record.innerText();
    for (const seen of [
      '提交',
      '杨反馈（县卫生健康局）',
      '受理并转数源单位整改',
      '赵治理（县大数据发展中心）',
      '请数源单位核实整改',
      '郑整改（县公安局）',
      '核验不通过',
      '仍有 3 条出生日期未更正',
    ])
      expect(text).toContain(seen);
    // nothing of the engine's vocabulary, and no ids (the match, if any, is what the failure shows)
    const body = await page.locator('body').innerText();
    const leak = body.match(/.{0,30}(job\.|element\.|gateway|boundary\.|route-problem|[0-9a-f]{8}-[0-9a-f]{4}-).{0,30}/);
    expect(leak?.[0] ?? null).toBeNull();
    // the technical log is an administrator's
    expect(await page.getByTestId('technical-log').count()).toBe(0);
    expect(await page.getByTestId('instance-business-key').innerText()).toMatch(/^WT-\d{4}-\d{4}$/);
    await expect
      .poll(() => page.getByTestId('instance-started-by').innerText())
      .toBe('杨反馈（县卫生健康局）');
    await page.screenshot({ path: `${ARTIFACTS}/record-instance-zh.png`, fullPage: true });
    await page.context().close();
  }, 60_000);

  it('in English, an administrator reads the same record in English words, the technical log folded', async () => {
    const page = await pageOf('admin', 'en');
    await page.goto(`${server.url}/instances/${instanceId}`);
    const record = page.getByTestId('approval-record');
    await record.waitFor();
    await expect.poll(() => record.getByTestId('record-line').count()).toBe(4);
    const actions = await record.getByTestId('record-action').allInnerTexts();
    expect(actions).toEqual(['Submitted', 'Accepted', 'Submitted', 'Not passed']);
    expect(await record.innerText()).toContain('Opinion');
    const log = page.getByTestId('technical-log');
    await log.waitFor();
    expect(await log.innerText()).toContain('Technical event log');
    await page.screenshot({ path: `${ARTIFACTS}/record-instance-en.png`, fullPage: true });
    // and the rectifier's inbox counts the days left in English
    const rectifier = await pageOf('gaj.rectifier', 'en');
    await rectifier.goto(`${server.url}/tasks`);
    await expect
      .poll(() => rectifier.getByTestId('remaining-tag').first().innerText())
      .toMatch(/^\d+ working days? left$/);
    await rectifier.context().close();
    await page.context().close();
  }, 60_000);
});
