/**
 * @module Browser test of the approval operations (#12), several users each in their own browser context: 抄送 from
 * the task drawer appears under 抄送我的 with an unread mark until read; 批量审批 of three tasks of one step with one
 * opinion, results per task; 转办 with an opinion hands the task to a colleague, who finds it in 待办.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="ops-e2e" name="审批操作演示" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="unitReview" name="单位审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="unit.leader" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="deptReview" name="主管部门审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="authority.reviewer" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="unitReview" />
    <bpmn:sequenceFlow id="f2" sourceRef="unitReview" targetRef="deptReview" />
    <bpmn:sequenceFlow id="f3" sourceRef="deptReview" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.skipIf(skip !== null)('approval operations in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const api = async (path: string, as: string, json?: unknown) => {
    const res = await server.request(path, { as, ...(json !== undefined ? { method: 'POST', json } : {}) });
    return (await res.json()) as any;
  };
  const start = async () =>
    (await api('/api/process-instances', 'gaj.cataloguer', { processKey: 'ops-e2e' })).id as string;
  const taskOf = async (instanceId: string, as: string) =>
    (await api(`/api/tasks?scope=all&processInstanceId=${instanceId}`, as)).items[0] as { id: string };
  /** One person's browser: their own context with their own session cookie. */
  async function as(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    const token = await server.login(username);
    await context.addCookies([
      { name: 'huiliu_session', value: token, url: server.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    return context.newPage();
  }
  /** Picks a person in the people picker by typing their username. */
  async function pick(page: Page, username: string) {
    await page.getByTestId('op-picker-people').click();
    await page.keyboard.type(username);
    await page
      .locator('.ant-select-item-option', { hasText: `（${username}，` })
      .first()
      .click();
  }

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    const deployed = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'ops-e2e.bpmn', content: XML }] },
    });
    expect(deployed.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await closeE2e(server, browser);
  });

  it('抄送 from the drawer: the colleague sees it under 抄送我的 with an unread mark, which goes once read', async () => {
    // given an instance at 单位审核
    const instanceId = await start();
    const task = await taskOf(instanceId, 'gaj.leader');
    // when the unit leader copies it to 卫健委's leader with an opinion
    const leader = await as('gaj.leader');
    await leader.goto(`${server.url}/tasks/${task.id}`);
    const drawer = leader.getByTestId('task-drawer');
    await drawer.getByTestId('task-actions').waitFor();
    await drawer.getByTestId('op-opinion').fill('请卫健委知悉');
    await drawer.getByTestId('op-cc').click();
    await pick(leader, 'wjj.leader');
    await leader.getByTestId('op-confirm').click();
    await leader.getByText('已抄送').waitFor();

    // then 卫健委's leader sees it under 抄送我的, unread, with who copied it and the opinion
    const other = await as('wjj.leader');
    await other.goto(`${server.url}/tasks?tab=cc`);
    await expect.poll(() => other.getByTestId('tab-cc-unread').textContent()).toBe('1');
    const row = other.locator('[data-testid^="cc-row-"]').first();
    await row.waitFor();
    expect(await row.getAttribute('data-unread')).toBe('true');
    expect(await row.textContent()).toContain('请卫健委知悉');
    expect(await row.textContent()).toContain('gaj.leader');
    await other.screenshot({ path: `${ARTIFACTS}/approval-ops-cc.png` });
    // and opening it shows the instance and marks it read
    await row.locator('[data-testid^="cc-open-"]').click();
    await other.waitForURL(`**/instances/${instanceId}`);
    await other.goto(`${server.url}/cc`);
    await expect
      .poll(() => other.locator('[data-testid^="cc-row-"]').first().getAttribute('data-unread'))
      .toBe('false');
    expect(await other.getByTestId('tab-cc-unread').count()).toBe(0);
  }, 90_000);

  it('批量审批: three tasks of one step approved with one opinion, each result shown, then listed under 已办', async () => {
    // given three instances at 单位审核
    const ids = [await start(), await start(), await start()];
    const tasks = await Promise.all(ids.map((id) => taskOf(id, 'gaj.leader')));
    const leader = await as('gaj.leader');
    await leader.goto(`${server.url}/tasks`);
    // when the leader selects the three and approves them together
    for (const t of tasks) await leader.getByTestId(`task-select-${t.id}`).check();
    await leader.getByTestId('batch-approve').click();
    await leader.getByTestId('batch-opinion').fill('同意，批量审批');
    await leader.getByTestId('batch-confirm').click();
    // then each is reported completed
    await expect
      .poll(() => leader.getByTestId('batch-summary').textContent())
      .toContain('完成 3 项，失败 0 项');
    for (const t of tasks)
      expect(await leader.getByTestId(`batch-result-${t.id}`).textContent()).toContain('已完成');
    await leader.screenshot({ path: `${ARTIFACTS}/approval-ops-batch.png` });
    await leader.getByTestId('batch-confirm').click();
    // and each instance moved on with the opinion on its record
    for (const id of ids) {
      const history = await api(`/api/process-instances/${id}/history`, 'supervisor');
      expect(history.find((e: any) => e.type === 'task.completed')).toMatchObject({
        actor: 'gaj.leader',
        data: { comment: '同意，批量审批' },
      });
      expect((await taskOf(id, 'reviewer')).id).toBeTruthy();
    }
    // and 已办 lists them
    await leader.goto(`${server.url}/tasks?tab=done`);
    for (const t of tasks) await leader.getByTestId(`task-row-${t.id}`).waitFor();
  }, 90_000);

  it('加签 before: the added signer approves, then the task is back with the holder, who approves', async () => {
    // given an instance at 单位审核 with the unit leader
    const instanceId = await start();
    const task = await taskOf(instanceId, 'gaj.leader');
    // when the leader adds a signer before themselves, with an opinion
    const leader = await as('gaj.leader');
    await leader.goto(`${server.url}/tasks/${task.id}`);
    const drawer = leader.getByTestId('task-drawer');
    await drawer.getByTestId('op-opinion').fill('请先由整改员核对');
    await drawer.getByTestId('op-addSigners').click();
    await leader.getByTestId('op-mode-before').click();
    await pick(leader, 'gaj.rectifier');
    await leader.screenshot({ path: `${ARTIFACTS}/approval-ops-add-signers.png` });
    await leader.getByTestId('op-confirm').click();
    await drawer.waitFor({ state: 'detached' });
    const history = async () =>
      (await api(`/api/process-instances/${instanceId}/history`, 'supervisor')) as any[];
    expect((await history()).find((e) => e.type === 'task.signers-added')).toMatchObject({
      actor: 'gaj.leader',
    });

    // then the signer finds a task in 待办 and approves it
    const signer = await as('gaj.rectifier');
    await signer.goto(`${server.url}/tasks`);
    const signerRow = signer.locator('[data-testid^="task-open-"]').first();
    await signerRow.waitFor();
    await signerRow.click();
    const signerDrawer = signer.getByTestId('task-drawer');
    await signerDrawer.getByTestId('op-opinion').fill('已核对，无误');
    await signerDrawer.getByTestId('form-submit').click();
    await signer.getByTestId('completion-result').waitFor();

    // then the task is back with the leader, who approves it, and the process moves on to 主管部门审核
    let back = '';
    await expect
      .poll(async () => {
        back = (await taskOf(instanceId, 'gaj.leader'))?.id ?? '';
        return back !== '' && (await api(`/api/tasks/${back}`, 'gaj.leader')).status === 'open';
      })
      .toBe(true);
    await leader.goto(`${server.url}/tasks/${back}`);
    const again = leader.getByTestId('task-drawer');
    await again.getByTestId('op-opinion').fill('同意');
    await again.getByTestId('form-submit').click();
    await leader.getByTestId('completion-result').waitFor();
    await expect.poll(async () => (await taskOf(instanceId, 'reviewer'))?.id).toBeTruthy();
    const completions = (await history())
      .filter((e) => e.type === 'task.completed')
      .map((e) => [e.actor, e.data?.comment]);
    expect(completions).toEqual(
      expect.arrayContaining([
        ['gaj.rectifier', '已核对，无误'],
        ['gaj.leader', '同意'],
      ]),
    );
  }, 120_000);

  it('减签 offers the added signers who have not signed and removes the one chosen', async () => {
    const instanceId = await start();
    const task = await taskOf(instanceId, 'gaj.leader');
    // given two signers added beside the leader
    const added = await server.request(`/api/tasks/${task.id}/add-signers`, {
      method: 'POST',
      as: 'gaj.leader',
      json: { usernames: ['gaj.rectifier', 'gaj.cataloguer'], mode: 'parallel', comment: '请一并审核' },
    });
    expect(added.status).toBe(200);
    const openHolders = async () =>
      ((await api(`/api/process-instances/${instanceId}/open-tasks`, 'gaj.leader')).items as any[])
        .map((t) => t.assignee)
        .sort();
    // when the leader removes one of them in the drawer
    const leader = await as('gaj.leader');
    await leader.goto(`${server.url}/tasks/${task.id}`);
    await leader.getByTestId('task-drawer').getByTestId('op-removeSigners').click();
    const choices = leader.getByTestId('op-signers');
    await choices.waitFor();
    expect((await choices.locator('label').allTextContents()).sort()).toEqual([
      'gaj.cataloguer',
      'gaj.rectifier',
    ]);
    await choices.getByText('gaj.cataloguer').click();
    await leader.getByTestId('op-confirm').click();
    await leader.getByText('已减签').waitFor();
    // then only the other signer's task is left beside the leader's own (still unclaimed) one
    expect(await openHolders()).toEqual(['gaj.rectifier', undefined]);
  }, 90_000);

  it('转办 with an opinion: the colleague gets the task in 待办 and a notification; it left the leader', async () => {
    const instanceId = await start();
    const task = await taskOf(instanceId, 'gaj.leader');
    const leader = await as('gaj.leader');
    await leader.goto(`${server.url}/tasks/${task.id}`);
    const drawer = leader.getByTestId('task-drawer');
    await drawer.getByTestId('op-opinion').fill('请代为审核');
    await drawer.getByTestId('op-transfer').click();
    await pick(leader, 'gaj.rectifier');
    await leader.getByTestId('op-confirm').click();
    await drawer.waitFor({ state: 'detached' });

    const colleague = await as('gaj.rectifier');
    await colleague.goto(`${server.url}/tasks`);
    await colleague.getByTestId(`task-row-${task.id}`).waitFor();
    const notes = await api('/api/notifications', 'gaj.rectifier');
    expect(notes.items.some((n: any) => n.kind === 'transfer' && n.body.includes('请代为审核'))).toBe(true);
    const history = await api(`/api/process-instances/${instanceId}/history`, 'supervisor');
    expect(history.find((e: any) => e.type === 'task.transferred')).toMatchObject({
      actor: 'gaj.leader',
      data: { comment: '请代为审核' },
    });
  }, 90_000);
});
