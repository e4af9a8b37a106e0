/**
 * @module Browser test of the card designer (#18): an administrator, in the designer only, adds 法制审核 (审批人,
 * 角色 目录审核员, 或签) after 单位审核 and a 条件分支 on 共享属性 = 有条件共享 leading to an extra 审批人 to
 * 目录编制与注册 and publishes; a registration started afterwards meets both steps, and the process opens in
 * 高级模式 showing them. Then a process built from nothing (发起人 → 2 审批人 会签 → 抄送 → 结束) deploys and runs.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const fields = (code: string, shareType: string) => ({
  systemName: '人口信息管理系统',
  businessName: '户籍管理',
  resourceName: `常住人口信息（${code}）`,
  resourceCode: code,
  category: 'basic',
  dataItems: [{ name: '公民身份号码', type: 'string', length: 18, sensitive: true }],
  storageFormat: 'database',
  shareType,
  ...(shareType === 'conditional' ? { shareCondition: '仅限公安业务使用' } : {}),
  openType: 'forbidden',
  provision: 'api',
  updateCycle: 'daily',
  sharePeriod: 'long-term',
});
type Item = { id: string; elementId: string; name?: string };
type Instance = { id: string; version: number; status: string; activeElementIds: string[] };

describe.skipIf(skip !== null)('the card designer in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await startE2e({ startPollers: true }));
    const census = await server.request('/api/catalog/systems', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { name: '人口信息管理系统' },
    });
    expect(census.status).toBe(201);
    page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage();
    await logInThroughUi(page, server.url, 'admin');
  });
  afterAll(() => closeE2e(server, browser));

  const instance = async (id: string) =>
    (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as Instance;
  async function complete(
    id: string,
    elementId: string,
    username: string,
    variables: Record<string, unknown>,
  ) {
    let task: Item | undefined;
    await expect
      .poll(
        async () => {
          const res = await server.request(`/api/tasks?scope=all&processInstanceId=${id}`, { as: username });
          task = ((await res.json()) as { items: Item[] }).items.find((t) => t.elementId === elementId);
          return Boolean(task);
        },
        { timeout: 20_000, message: `${username} is offered ${elementId}` },
      )
      .toBe(true);
    const res = await server.request(`/api/tasks/${task?.id}/complete`, {
      method: 'POST',
      as: username,
      json: { variables },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return task as Item;
  }
  const approve = { decision: 'approve', comment: '同意' };

  /** Picks an option of an antd Select by typing its label (the designer's pickers are searchable). */
  async function pick(label: string, option: string) {
    const drawer = page.getByTestId('flow-panel');
    await drawer.getByRole('combobox', { name: label, exact: true }).first().click();
    await page.keyboard.type(option);
    try {
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
        .first()
        .click({ timeout: 5000 });
    } catch (err) {
      await page.screenshot({ path: `${ARTIFACTS}/flow-designer-pick-failed.png` });
      throw err;
    }
    await page.keyboard.press('Escape');
  }
  async function addCard(slot: string, kind: string) {
    await page.getByTestId(`add-${slot}`).click();
    await page.getByRole('menuitem', { name: kind, exact: true }).click();
    await page.getByTestId('flow-panel').waitFor();
  }
  async function nameCard(name: string) {
    await page.getByTestId('panel-name').fill(name);
  }
  async function publish(expectVersion: string) {
    await page.getByTestId('flow-publish').click();
    expect(await page.getByTestId('flow-problems').count()).toBe(0);
    await page.getByTestId('deploy-confirm').click();
    await expect
      .poll(async () => (await page.getByTestId('deploy-done').textContent()) ?? '', { timeout: 20_000 })
      .toContain(expectVersion);
    await page.getByTestId('deploy-close').click();
  }

  it('adds 法制审核 and a 共享属性 branch in the designer only, publishes v2, and a registration meets both', async () => {
    await page.goto(`${server.url}/processes`);
    await page.getByTestId('flow-catalog-registration').click();
    // the shipped process opens as cards named by their nodes; system steps are locked cards
    await page.getByRole('article', { name: '单位审核', exact: true }).waitFor();
    await page.getByRole('article', { name: '发布目录', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '添加节点' }).count()).toBeGreaterThan(5);

    // 法制审核 after 单位审核 (after its result), by role 目录审核员, 或签 (the default)
    await addCard('main-3', '审批人');
    await nameCard('法制审核');
    await page.getByTestId('flow-panel').getByRole('radio', { name: '角色', exact: true }).check();
    await pick('角色', '目录审核员');
    await page.getByRole('article', { name: '法制审核', exact: true }).waitFor();

    // 条件分支 after it: 共享属性 = 有条件共享 → an extra approver; the 默认 branch goes straight on
    await addCard('main-4', '条件分支');
    await page.getByTestId('flow-panel').getByRole('button', { name: '添加条件（且）' }).first().click();
    await pick('表单字段', '共享属性');
    await page.getByTestId('flow-panel').getByRole('combobox', { name: '值', exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '有条件共享' })
      .click();
    await page.getByTestId('flow-panel').getByLabel('分支名称').first().fill('有条件共享');
    const cond = (
      await page.locator('[data-testid^="card-condition-"]').first().getAttribute('data-testid')
    )?.slice(5);
    await addCard(`${cond}#0-0`, '审批人');
    await nameCard('共享条件审核');
    await page.getByTestId('flow-panel').getByRole('radio', { name: '角色', exact: true }).check();
    await pick('角色', '目录审核员');
    await page.screenshot({ path: `${ARTIFACTS}/flow-designer-registration.png`, fullPage: true });

    await publish('catalog-registration v2');
    const latest = await (
      await server.request('/api/process-definitions/catalog-registration', { as: 'admin' })
    ).json();
    expect(latest.version).toBe(2);

    // a registration with 有条件共享 started afterwards meets 法制审核, then the extra approver, then 主管部门审核
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'catalog-registration', variables: fields('XC-GAJ-F0001', 'conditional') },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    expect((await instance(id)).version).toBe(2);
    await complete(id, 'unit-approval', 'gaj.leader', approve);
    const legal = await complete(id, 'approver-1', 'reviewer', approve);
    expect(legal.name).toBe('法制审核');
    const extra = await complete(id, 'approver-2', 'reviewer', approve);
    expect(extra.name).toBe('共享条件审核');
    await expect
      .poll(async () => (await instance(id)).activeElementIds, { timeout: 20_000 })
      .toContain('authority-review');
  });

  it('opens the changed process in 高级模式 showing both new steps', async () => {
    await page.goto(`${server.url}/flows/catalog-registration`);
    await page.getByRole('article', { name: '法制审核', exact: true }).waitFor();
    // keyboard only: Enter on a card opens it in the side panel; Enter on 添加节点, arrows and Enter add a card
    await page.getByRole('button', { name: '编辑 法制审核' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('panel-name').inputValue()).toBe('法制审核');
    await page.getByTestId('add-main-1').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: '审批人', exact: true }).waitFor();
    // the menu takes the focus once it has opened (antd focuses it after its animation, sometimes with no item
    // active yet): arrow down until 办理人 is the active item, then Enter picks it
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.ant-dropdown-menu'))))
      .toBe(true);
    const active = () =>
      page.evaluate(
        () => document.querySelector('.ant-dropdown-menu-item-active')?.textContent?.trim() ?? null,
      );
    for (let i = 0; i < 4 && (await active()) !== '办理人'; i++) {
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(50);
    }
    expect(await active()).toBe('办理人');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('panel-name').inputValue()).toBe('办理人');
    await page.getByRole('article', { name: '办理人', exact: true }).waitFor();
    await page.getByTestId('designer-switch').getByText('高级模式').click();
    await page.waitForURL('**/modeler/catalog-registration');
    await page.locator('.djs-element', { hasText: '法制审核' }).first().waitFor();
    await page.locator('.djs-element', { hasText: '共享条件审核' }).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/flow-designer-advanced.png` });
  });

  it('builds 发起人 → 2 审批人 会签 → 抄送 → 结束 from nothing, publishes it, and it runs', async () => {
    await page.goto(`${server.url}/modeler`);
    await page.getByTestId('designer-switch').getByText('简易设计器').click();
    await page.waitForURL('**/flows/new');
    await page.getByTestId('flow-key').fill('meeting-approval');
    await page.getByTestId('flow-name').fill('会议材料审批');
    // who may start it
    await page.getByRole('button', { name: '编辑 发起人' }).click();
    await pick('可发起的角色', '目录编制员');
    // two named approvers, 会签
    await addCard('main-1', '审批人');
    await nameCard('材料会签');
    await page.getByTestId('flow-panel').getByRole('radio', { name: '指定人员', exact: true }).check();
    for (const user of ['gaj.leader', 'reviewer']) {
      await page.getByTestId('flow-panel').getByRole('combobox', { name: '人员', exact: true }).click();
      await page.keyboard.type(user);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: user })
        .first()
        .click();
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('flow-panel').getByRole('radio', { name: /^会签/ }).check();
    // then a CC to the initiator
    await addCard('main-2', '抄送人');
    await page.screenshot({ path: `${ARTIFACTS}/flow-designer-new.png`, fullPage: true });
    await publish('meeting-approval v1');

    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'meeting-approval', variables: {} },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    await complete(id, 'approver-1', 'gaj.leader', approve);
    expect((await instance(id)).status).toBe('active');
    await complete(id, 'approver-1', 'reviewer', approve);
    await expect.poll(async () => (await instance(id)).status, { timeout: 20_000 }).toBe('completed');
  });
  it('opens a diagram the cards cannot show with a note saying what, and a way to 高级模式', async () => {
    // given a process with an inclusive (多选) split, which no card shows
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
  <bpmn:process id="inclusive-demo" name="多选分支示例" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:inclusiveGateway id="split" name="多选" default="f3" />
    <bpmn:manualTask id="a" name="甲" />
    <bpmn:manualTask id="b" name="乙" />
    <bpmn:inclusiveGateway id="join" />
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="split" />
    <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="a"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="b" />
    <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="join" />
    <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="join" />
    <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
    const deployed = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'inclusive-demo.bpmn', content: xml }] },
    });
    expect(deployed.status, await deployed.clone().text()).toBe(201);
    // when it is opened in the designer
    await page.goto(`${server.url}/flows/inclusive-demo`);
    // then the note names the element and 在高级模式中打开 leads to the modeler
    const note = page.getByTestId('flow-unsupported');
    await note.waitFor();
    expect(await note.textContent()).toContain('“多选”(split)');
    await note.getByRole('button', { name: '在高级模式中打开' }).click();
    await page.waitForURL('**/modeler/inclusive-demo');
  });
});
