/**
 * @module Browser test of the card designer's 不同意时 退回 and fields beyond the start form's top level (#18): an
 * administrator, in the designer only, builds 请假审批 — 部门审批, then a 条件分支 on a nested start-form field
 * (申请人 / 级别 = 处级) to 分管领导审批 whose 不同意时 is 退回发起人 — publishes it, and reopening it shows the same
 * setting. A request started afterwards is rejected at 分管领导审批, returns to the starter with the start form
 * filled in, is resubmitted, passes 部门审批 and 分管领导审批 again, and completes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const FORM = 'leave-request';
type Item = { id: string; elementId: string; name?: string };
type Instance = { id: string; version: number; status: string; activeElementIds: string[] };

describe.skipIf(skip !== null)('the card designer’s 退回 and nested fields in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await startE2e({ startPollers: true }));
    // A start form with a nested object whose 级别 is a select: the condition must offer 申请人 / 级别 and its options.
    const form = await server.request('/api/forms', {
      method: 'POST',
      as: 'admin',
      json: {
        key: FORM,
        title: '请假申请',
        schema: {
          type: 'object',
          required: ['reason'],
          properties: {
            reason: { type: 'string', title: '请假事由' },
            applicant: {
              type: 'object',
              title: '申请人',
              properties: {
                phone: { type: 'string', title: '联系电话' },
                level: {
                  type: 'string',
                  title: '级别',
                  oneOf: [
                    { const: 'senior', title: '处级' },
                    { const: 'staff', title: '科员' },
                  ],
                },
              },
            },
          },
        },
        uiSchema: {},
      },
    });
    expect(form.status, await form.clone().text()).toBe(201);
    page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage();
    await logInThroughUi(page, server.url, 'admin');
  });
  afterAll(() => closeE2e(server, browser));

  const instance = async (id: string) =>
    (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as Instance;
  async function taskOf(id: string, elementId: string, username: string): Promise<Item> {
    let task: Item | undefined;
    await expect
      .poll(
        async () => {
          const res = await server.request(`/api/tasks?scope=all&status=open&processInstanceId=${id}`, {
            as: username,
          });
          task = ((await res.json()) as { items: Item[] }).items.find((t) => t.elementId === elementId);
          return Boolean(task);
        },
        { timeout: 20_000, message: `${username} is offered ${elementId}` },
      )
      .toBe(true);
    return task as Item;
  }
  async function complete(
    id: string,
    elementId: string,
    username: string,
    variables: Record<string, unknown>,
  ) {
    const task = await taskOf(id, elementId, username);
    const res = await server.request(`/api/tasks/${task.id}/complete`, {
      method: 'POST',
      as: username,
      json: { variables },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return task;
  }

  const panel = () => page.getByTestId('flow-panel');
  /** Picks an option of a searchable antd Select in the panel by typing its label. */
  async function pick(label: string, option: string, nth = 0) {
    await panel().getByRole('combobox', { name: label, exact: true }).nth(nth).click();
    await page.keyboard.type(option);
    try {
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
        .first()
        .click({ timeout: 5000 });
    } catch (err) {
      await page.screenshot({ path: `${ARTIFACTS}/flow-designer-return-pick-failed.png` });
      throw err;
    }
    await page.keyboard.press('Escape');
  }
  async function addCard(slot: string, kind: string) {
    await page.getByTestId(`add-${slot}`).click();
    await page.getByRole('menuitem', { name: kind, exact: true }).click();
    await panel().waitFor();
  }

  it('builds 请假审批 with a nested-field branch and 退回发起人 in the designer only; reopened, the setting is the same', async () => {
    await page.goto(`${server.url}/flows/new`);
    await page.getByTestId('flow-key').fill('leave-return');
    await page.getByTestId('flow-name').fill('请假审批');
    await page.getByRole('button', { name: '编辑 发起人' }).click();
    await pick('可发起的角色', '目录编制员');
    await pick('发起表单', '请假申请');

    // 部门审批: the starter's unit leader (the default), with the approval form that has 审核结论
    await addCard('main-1', '审批人');
    await panel().getByTestId('panel-name').fill('部门审批');
    await pick('办理表单', '单位审核');

    // 条件分支 on the nested field 申请人 / 级别 = 处级, offered by its title with the select's options
    await addCard('main-2', '条件分支');
    // by keyboard only: Enter on 添加条件（且）, then type in each picker and Enter, Tab between them
    await panel().getByRole('button', { name: '添加条件（且）' }).first().focus();
    await page.keyboard.press('Enter');
    await panel().getByRole('combobox', { name: '表单字段', exact: true }).first().focus();
    await page.keyboard.type('级别');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '申请人 / 级别' })
      .waitFor();
    await page.keyboard.press('Enter');
    // a select field's value becomes a select of its options: Tab on once it is there
    await panel().getByRole('combobox', { name: '值', exact: true }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toBe('值');
    await page.keyboard.type('处级');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '处级' }).waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await page.getByTestId('flow-canvas').textContent()) ?? '')
      .toContain('申请人 / 级别 等于 处级');
    await panel().getByLabel('分支名称').first().fill('处级');
    const cond = (
      await page.locator('[data-testid^="card-condition-"]').first().getAttribute('data-testid')
    )?.slice(5);

    // 分管领导审批 in that branch: 目录审核员, the approval form; a field of 部门审批's form is offered too
    await addCard(`${cond}#0-0`, '审批人');
    await panel().getByTestId('panel-name').fill('分管领导审批');
    await panel().getByRole('radio', { name: '角色', exact: true }).check();
    await pick('角色', '目录审核员');
    await pick('办理表单', '单位审核');
    await panel().getByRole('radio', { name: '表单中的人员', exact: true }).check();
    await panel().getByRole('combobox', { name: '表单字段', exact: true }).click();
    const offered = await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .allTextContents();
    expect(offered).toEqual(expect.arrayContaining(['申请人 / 联系电话', '审核结论（部门审批）']));
    await page.keyboard.press('Escape');
    await panel().getByRole('radio', { name: '角色', exact: true }).check();
    await pick('角色', '目录审核员');

    // 不同意时, by keyboard: from 继续下一步 the arrows reach 退回到上一审批节点（部门审批）, then 退回发起人
    const group = panel().getByRole('radiogroup', { name: '不同意时' });
    await group.getByRole('radio', { name: /^继续下一步/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => group.getByRole('radio', { name: /^退回到上一审批节点（部门审批）/ }).isChecked())
      .toBe(true);
    await page.getByRole('article', { name: '分管领导审批结果', exact: true }).waitFor();
    // 退回到指定节点 offers the steps on the way here, by name
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => group.getByRole('radio', { name: /^退回到指定节点/ }).isChecked()).toBe(true);
    const target = panel().getByRole('combobox', { name: '退回到', exact: true });
    await target.waitFor();
    expect(
      await target.locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent(),
    ).toContain('部门审批');
    await group.getByRole('radio', { name: /^退回到指定节点/ }).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => group.getByRole('radio', { name: /^退回发起人/ }).isChecked()).toBe(true);
    // the 修改 step shows as a side path of the 审批结果 card
    await page.getByRole('article', { name: '分管领导审批结果', exact: true }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/flow-designer-return.png`, fullPage: true });

    await page.getByTestId('flow-publish').click();
    expect(await page.getByTestId('flow-problems').count()).toBe(0);
    await page.getByTestId('deploy-confirm').click();
    await expect
      .poll(async () => (await page.getByTestId('deploy-done').textContent()) ?? '', { timeout: 20_000 })
      .toContain('leave-return v1');
    await page.getByTestId('deploy-close').click();

    // reopened, 分管领导审批 still says 退回发起人 and the branch its nested condition
    await page.goto(`${server.url}/flows/leave-return`);
    await page.getByRole('button', { name: '编辑 分管领导审批', exact: true }).click();
    await expect
      .poll(() =>
        panel()
          .getByRole('radiogroup', { name: '不同意时' })
          .getByRole('radio', { name: /^退回发起人/ })
          .isChecked(),
      )
      .toBe(true);
    await page.getByRole('button', { name: '编辑 条件分支', exact: true }).click();
    await expect.poll(async () => (await panel().textContent()) ?? '').toContain('申请人 / 级别');
    expect(await panel().textContent()).toContain('处级');
  });

  it('a rejection returns to the starter with the request filled in; the resubmission goes through again and completes', async () => {
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: {
        processKey: 'leave-return',
        variables: { reason: '事假', applicant: { phone: '13800000000', level: 'senior' } },
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    await complete(id, 'approver-1', 'gaj.leader', { decision: 'approve', comment: '同意' });
    const second = await complete(id, 'approver-2', 'reviewer', {
      decision: 'return',
      comment: '请写明请假天数',
    });
    expect(second.name).toBe('分管领导审批');

    // the starter gets 发起人修改 with the start form, filled in with what was submitted
    const revise = await taskOf(id, 'revise-approver-2-1', 'gaj.cataloguer');
    const detail = (await (
      await server.request(`/api/tasks/${revise.id}`, { as: 'gaj.cataloguer' })
    ).json()) as {
      form?: { key: string };
      formData?: Record<string, unknown>;
    };
    expect(detail.form?.key).toBe(FORM);
    expect(detail.formData).toMatchObject({ reason: '事假', applicant: { level: 'senior' } });
    await complete(id, 'revise-approver-2-1', 'gaj.cataloguer', {
      reason: '事假三天',
      applicant: { phone: '13800000000', level: 'senior' },
    });

    // the resubmission passes 部门审批 and 分管领导审批 again, and the request completes
    await complete(id, 'approver-1', 'gaj.leader', { decision: 'approve', comment: '同意' });
    await complete(id, 'approver-2', 'reviewer', { decision: 'approve', comment: '同意' });
    await expect.poll(async () => (await instance(id)).status, { timeout: 20_000 }).toBe('completed');
  });
});
