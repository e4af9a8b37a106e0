/**
 * @module Browser test of 退回 and 撤回 (#12) on the shipped catalog registration, each user in their own browser
 * context: the authority reviewer returns 主管部门审核 to 单位审核 with an opinion, and the unit leader sees the task
 * back in 待办 with that opinion; the cataloguer urges the unit leader (催办) and withdraws (撤回) from 我发起的, and
 * the start form is theirs again.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';
import { entryFields } from '../../server/testing/scenario-http';

const skip = browserUnavailableReason();

describe.skipIf(skip !== null)('退回 and 撤回 in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let code = 8700;

  const call = async (method: string, path: string, as: string, json?: unknown) => {
    const res = await server.request(path, { method, as, json });
    return { status: res.status, body: (await res.json()) as any };
  };
  /** Runs the work due now (service tasks after a step): the test server has no pollers. */
  const settle = async () => {
    const now = (await call('GET', '/api/test/clock', 'admin')).body.now;
    await call('PUT', '/api/test/clock', 'admin', { now });
  };
  async function openTask(
    instanceId: string,
    elementId: string,
    as: string,
  ): Promise<{ id: string; assignee?: string }> {
    let found: { id: string } | undefined;
    await expect
      .poll(
        async () => {
          await settle();
          const page = await call('GET', `/api/tasks?scope=all&processInstanceId=${instanceId}`, as);
          found = page.body.items.find((t: any) => t.elementId === elementId);
          return Boolean(found);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    return found as { id: string };
  }
  const register = async () => {
    const started = await call('POST', '/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: entryFields(`XC-GAJ-${code++}`),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return started.body.id as string;
  };
  async function as(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    const token = await server.login(username);
    await context.addCookies([
      { name: 'huiliu_session', value: token, url: server.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    return context.newPage();
  }

  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    // 普查 first (#11): the system the entry names is in the unit's census.
    const census = await call('POST', '/api/catalog/systems', 'gaj.cataloguer', { name: '人口信息管理系统' });
    expect(census.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await closeE2e(server, browser);
  });

  it('退回 from 主管部门审核 to 单位审核 with an opinion: the unit leader gets the task back and reads the opinion', async () => {
    // given a registration the unit leader approved, now at 主管部门审核
    const id = await register();
    const unit = await openTask(id, 'unit-approval', 'gaj.leader');
    const approved = await call('POST', `/api/tasks/${unit.id}/complete`, 'gaj.leader', {
      variables: { decision: 'approve', comment: '同意' },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const review = await openTask(id, 'authority-review', 'reviewer');

    // when the reviewer returns it to 单位审核 with an opinion, in the task drawer
    const reviewer = await as('reviewer');
    await reviewer.goto(`${server.url}/tasks/${review.id}`);
    const drawer = reviewer.getByTestId('task-drawer');
    await drawer.getByTestId('op-opinion').fill('共享条件需细化到具体业务场景');
    await drawer.getByTestId('op-return').click();
    await reviewer.getByTestId('op-return-target-unit-approval').click();
    await reviewer.screenshot({ path: `${ARTIFACTS}/approval-ops-return.png` });
    await reviewer.getByTestId('op-confirm').click();
    await drawer.waitFor({ state: 'detached' });

    // then the unit leader finds 单位审核 again in 待办, and its drawer shows the reviewer's opinion
    const again = await openTask(id, 'unit-approval', 'gaj.leader');
    const leader = await as('gaj.leader');
    await leader.goto(`${server.url}/tasks`);
    await leader.getByTestId(`task-open-${again.id}`).click();
    const leaderDrawer = leader.getByTestId('task-drawer');
    await expect
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered visible, not the hidden tabs' text
      .poll(() => leaderDrawer.innerText(), { timeout: 15_000 })
      .toContain('共享条件需细化到具体业务场景');
    await leader.screenshot({ path: `${ARTIFACTS}/approval-ops-returned.png` });
    // and the instance's record says who returned it, with the opinion
    await leader.goto(`${server.url}/instances/${id}`);
    const line = leader.locator('[data-testid="record-line"][data-kind="return"]');
    await expect.poll(() => line.count(), { timeout: 15_000 }).toBe(1);
    expect(await line.getByTestId('record-opinion').textContent()).toContain('共享条件需细化到具体业务场景');
  }, 120_000);

  it('催办 and 撤回 from 我发起的: the leader is reminded; after the withdrawal the start form is the cataloguer’s again', async () => {
    // given a registration waiting for the unit leader
    const id = await register();
    const unit = await openTask(id, 'unit-approval', 'gaj.leader');
    const cataloguer = await as('gaj.cataloguer');
    await cataloguer.goto(`${server.url}/tasks?tab=started`);
    await cataloguer.getByTestId(`started-row-${id}`).waitFor();
    expect(await cataloguer.getByTestId(`started-current-${id}`).textContent()).toContain('单位审核');

    // when the cataloguer urges it
    await cataloguer.getByTestId(`started-urge-${id}`).click();
    await cataloguer.getByText('已催办').waitFor();
    // then the unit leader has a reminder for the task
    const notes = (await call('GET', '/api/notifications', 'gaj.leader')).body.items;
    expect(notes.some((n: any) => n.kind === 'urge' && n.link === `/tasks/${unit.id}`)).toBe(true);

    // when the cataloguer withdraws it
    await cataloguer.getByTestId(`started-withdraw-${id}`).click();
    await cataloguer.getByTestId('withdraw-confirm').click();
    await cataloguer.getByText('已撤回').waitFor();
    await cataloguer.screenshot({ path: `${ARTIFACTS}/approval-ops-withdrawn.png` });
    // then the leader's task is gone and the start step is open for the cataloguer, in their 待办
    expect((await call('GET', `/api/tasks/${unit.id}`, 'gaj.leader')).body.status).toBe('cancelled');
    const reopened = await openTask(id, 'start-entry', 'gaj.cataloguer');
    await cataloguer.goto(`${server.url}/tasks`);
    await cataloguer.getByTestId(`task-row-${reopened.id}`).waitFor();
  }, 120_000);
  it('撤销 from 我发起的 needs a reason and cancels the request', async () => {
    const id = await register();
    await openTask(id, 'unit-approval', 'gaj.leader');
    const cataloguer = await as('gaj.cataloguer');
    await cataloguer.goto(`${server.url}/started`);
    await cataloguer.getByTestId(`started-revoke-${id}`).click();
    await cataloguer.getByTestId('revoke-reason').fill('资源已由其他系统登记');
    await cataloguer.getByTestId('revoke-confirm').click();
    await cataloguer.getByText('已撤销').first().waitFor();
    await expect
      .poll(async () => (await call('GET', `/api/process-instances/${id}`, 'gaj.cataloguer')).body.status)
      .toBe('cancelled');
    const revoked = (await call('GET', `/api/process-instances/${id}/history`, 'gaj.cataloguer')).body.find(
      (e: any) => e.type === 'instance.cancelled',
    );
    expect(revoked).toMatchObject({ actor: 'gaj.cataloguer' });
  }, 120_000);
});
