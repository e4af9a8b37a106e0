/**
 * @module Browser test of #13's "done when": an administrator draws a non-interrupting message event subprocess into
 * data-problem in the modeler by hand (palette → expanded subprocess, replace menu → event subprocess, its start →
 * non-interrupting message start, message 补充材料 keyed by the entry in the panel, 查看补充材料 for governance and an
 * end from the context pad), checks it, deploys it through the deploy dialog and migrates the v1 instances after a dry
 * run; a report started on v2 receives the message, and so does a migrated one (migration arms the triggers v2 adds).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
type Instance = {
  id: string;
  version: number;
  variables: Record<string, unknown>;
  activeElementIds: string[];
};

describe.skipIf(skip !== null)(
  'an event subprocess added to data-problem in the modeler, in Chromium',
  () => {
    let server: E2eServer;
    let browser: Browser;
    let page: Page;
    let running: Instance[] = [];
    let fresh: Instance;
    let drawn: { esp: string; messageStart: string; review: string };

    beforeAll(async () => {
      ({ server, browser } = await startE2e({ startPollers: true, demoContent: true }));
      page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack));
      page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
      await logInThroughUi(page, server.url, 'admin');
    });
    afterAll(() => closeE2e(server, browser));

    const shape = (id: string) => page.locator(`.djs-shape[data-element-id="${id}"]`);
    const box = async (id: string) => (await shape(id).boundingBox())!;
    const selectedId = async () =>
      (await page.locator('.djs-shape.selected').first().getAttribute('data-element-id')) ?? '';
    const panel = () => page.getByTestId('properties-panel');
    /** Opens a properties group by its id if it is closed. */
    async function openGroup(id: string) {
      const header = panel().locator(`[data-group-id="group-${id}"] .bio-properties-panel-group-header`);
      await header.waitFor();
      if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
    }
    /** Clicks the middle of a shape, as a person would (unless it is selected: a second click unselects it). */
    async function pick(id: string) {
      if ((await page.locator('.djs-shape.selected').count()) === 1 && (await selectedId()) === id) return;
      const b = await box(id);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
      await expect.poll(selectedId).toBe(id);
    }
    /** Picks an entry of the selected element's replace menu (the wrench in its context pad). */
    async function replaceWith(entry: string) {
      await page.locator('.djs-context-pad [data-action="replace"]').click();
      await page.locator(`.djs-popup [data-id="${entry}"]`).click();
    }

    /**
     * What an administrator does, with bpmn-js's own palette, context pad and replace menu and our panels: an expanded
     * subprocess from the palette below the diagram, made an event subprocess; its start event made a non-interrupting
     * message start; message 补充材料 keyed by the problem's entry; a user task for governance and an end appended.
     */
    async function drawSupplement(): Promise<{ esp: string; messageStart: string; review: string }> {
      await shape('triage').waitFor();
      // where a point of the diagram is on screen, from two shapes whose places are known
      const start = await box('start-report'); // x=162, y=242
      const end = await box('end-archived'); // x=1962
      const scale = (end.x - start.x) / 1800;
      const drop = { x: start.x + (420 - 162) * scale, y: start.y + (740 - 242) * scale };
      const triage = await box('triage');

      await page.locator('.djs-palette [data-action="create.subprocess-expanded"]').click();
      await page.mouse.move(drop.x, drop.y, { steps: 10 });
      await page.mouse.down();
      await page.mouse.up();
      await page.keyboard.press('Escape'); // leave the name editor
      expect(await selectedId()).toMatch(/^Activity_/);
      await replaceWith('replace-with-event-subprocess');
      const esp = await selectedId();
      await expect
        .poll(() => panel().locator('.bio-properties-panel-header-type').textContent())
        .toContain('事件子流程');

      // the start event the palette put inside: a click on it selects it (it used to hit the check's error icon)
      const inner = page.locator(
        `.djs-group:has(> [data-element-id="${esp}"]) > .djs-children .djs-shape[data-element-id^="Event_"]`,
      );
      expect(await inner.count()).toBe(1);
      await pick((await inner.getAttribute('data-element-id'))!);
      await replaceWith('replace-with-non-interrupting-message-start');
      const messageStart = await selectedId();
      await expect
        .poll(() => panel().locator('.bio-properties-panel-header-type').textContent())
        .toContain('消息开始事件（非中断）');

      // 消息: a new message named 补充材料, correlated by the problem's entry
      await openGroup('message');
      await panel().locator('#bio-properties-panel-messageRef').selectOption('create-new');
      const messageName = panel().locator('#bio-properties-panel-messageName');
      await messageName.fill('补充材料');
      await messageName.press('Tab');
      await panel().locator('#bio-properties-panel-messageSubscriptionCorrelationKey').click(); // FEEL: the = is shown
      await page.keyboard.type('entryId');
      // Escape closes the completion list; Tab leaves the field, which stores it. (A click on the canvas that stores
      // a field redraws the context pad under the mouse, and that click is lost: a person clicks again.)
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');

      // the context pad appends a user task (ours: 追加用户任务) after the start, inside the event subprocess
      await pick(messageStart);
      await page.locator('.djs-context-pad [data-action="append.append-task"]').click();
      const review = await selectedId();
      expect(review).toMatch(/^Activity_/);
      expect(review).not.toBe(esp);
      await page.keyboard.press('Escape');
      await openGroup('general');
      const name = panel().locator('#bio-properties-panel-name');
      await name.fill('查看补充材料');
      await name.press('Tab');
      await openGroup('huiliu-roles');
      await panel().getByTestId('role-picker').locator('label[title="authority.governance"] input').check();
      await pick(review);
      await page.locator('.djs-context-pad [data-action="append.end-event"]').click();
      await page.keyboard.press('Escape');
      // the replacements made no room as a drop would: the diagram above did not move
      expect(Math.round((await box('triage')).x)).toBe(Math.round(triage.x));
      return { esp, messageStart, review };
    }

    it('given running data-problem instances on v1, when the administrator draws the event subprocess in the modeler, then the check finds no error', async () => {
      const list = (await (
        await server.request('/api/process-instances?processKey=data-problem&status=active&pageSize=100', {
          as: 'admin',
        })
      ).json()) as { items: Instance[] };
      const demo = list.items.filter((i) => i.version === 1 && typeof i.variables.entryId === 'string');
      expect(demo.length).toBeGreaterThan(0);
      // and a fresh report on the same entry, waiting at 受理分派
      const started = await server.request('/api/process-instances', {
        method: 'POST',
        as: 'wjj.feedback',
        json: {
          processKey: 'data-problem',
          variables: {
            entryId: demo[0].variables.entryId,
            problemType: 'error',
            description: '出生日期有误',
            urgent: false,
          },
        },
      });
      expect(started.status, await started.clone().text()).toBe(201);
      fresh = (await started.json()) as Instance;
      running = [fresh, ...demo];

      await page.goto(`${server.url}/modeler/data-problem`);
      drawn = await drawSupplement();
      await page.screenshot({ path: `${ARTIFACTS}/modeler-event-subprocess.png` });
      // all three steps sit inside the event subprocess
      for (const id of [drawn.messageStart, drawn.review])
        expect(
          await page
            .locator(
              `.djs-group:has(> [data-element-id="${drawn.esp}"]) > .djs-children [data-element-id="${id}"]`,
            )
            .count(),
        ).toBe(1);
      await expect.poll(() => page.getByTestId('modeler-lint').getAttribute('data-errors')).toBe('0');
    }, 180_000);

    it('given the drawing, when deployed and the v1 instances migrated (dry run first), then all are on v2, those at 整改反馈 with their reminder boundary too', async () => {
      await page.getByTestId('modeler-deploy').click();
      await page.getByTestId('deploy-running').waitFor();
      await page.getByTestId('deploy-confirm').click();
      await page.getByTestId('deploy-done').waitFor();
      await page.getByTestId('migrate-dry-v1').click();
      // then the dry run says all would move: the demo problems wait at 整改反馈, whose non-interrupting timer
      // boundary v2 keeps under its id
      await expect
        .poll(() => page.getByTestId('migrate-dry-result-v1').textContent())
        .toContain(`试迁移：可迁移 ${running.length} 个，失败 0 个`);
      await page.getByTestId('migrate-run-v1').click();
      await expect
        .poll(() => page.getByTestId('migrate-result-v1').textContent())
        .toContain(`已迁移 ${running.length} 个，失败 0 个`);
      await page.screenshot({ path: `${ARTIFACTS}/modeler-event-subprocess-migrated.png` });
      await page.getByTestId('deploy-close').click();
      // the deployed v2 holds what was drawn
      const v2 = (await (
        await server.request('/api/process-definitions/data-problem', { as: 'admin' })
      ).json()) as { version: number; xml: string };
      expect(v2.version).toBe(2);
      expect(v2.xml).toMatch(new RegExp(`<bpmn:subProcess id="${drawn.esp}"[^>]*triggeredByEvent="true"`));
      expect(v2.xml).toMatch(
        new RegExp(`<bpmn:startEvent id="${drawn.messageStart}"[^>]*isInterrupting="false"`),
      );
      expect(v2.xml).toMatch(
        /<bpmn:message id="[^"]+" name="补充材料">\s*<bpmn:extensionElements>\s*<zeebe:subscription correlationKey="=entryId"/,
      );
      expect(v2.xml).toContain(`<bpmn:userTask id="${drawn.review}" name="查看补充材料">`);
      expect(v2.xml).toMatch(/candidateGroups="authority\.governance"/);
      const one = (await (
        await server.request(`/api/process-instances/${fresh.id}`, { as: 'admin' })
      ).json()) as Instance;
      expect(one.version).toBe(2);
      const atRectify = (await (
        await server.request(`/api/process-instances/${running[1].id}`, { as: 'admin' })
      ).json()) as Instance;
      expect(atRectify.version).toBe(2);
    });

    const tasksOf = async (instanceId: string) => {
      // governance is offered both 受理分派 and 查看补充材料
      const r = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, {
        as: 'governance',
      });
      return ((await r.json()) as { items: { elementId: string }[] }).items.map((t) => t.elementId);
    };

    it('given a report started on v2, when 补充材料 is published for its entry, then it gets the 补充材料 task beside 受理分派', async () => {
      const started = await server.request('/api/process-instances', {
        method: 'POST',
        as: 'wjj.feedback',
        json: {
          processKey: 'data-problem',
          variables: {
            entryId: fresh.variables.entryId,
            problemType: 'error',
            description: '缺少字段',
            urgent: false,
          },
        },
      });
      expect(started.status, await started.clone().text()).toBe(201);
      const v2 = (await started.json()) as Instance;
      expect(v2.version).toBe(2);
      const res = await server.request('/api/messages', {
        method: 'POST',
        as: 'admin',
        json: { name: '补充材料', correlationKey: fresh.variables.entryId },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as { correlated: number }).correlated).toBeGreaterThan(0);
      await expect.poll(() => tasksOf(v2.id), { timeout: 20_000 }).toContain(drawn.review);
      expect(await tasksOf(v2.id)).toContain('triage');
    });

    // Migration arms the triggers of the event subprocess v2 added to the process scope the instance is in.
    it('given the migrated instance, when 补充材料 is published for its entry, then it gets the 补充材料 task too', async () => {
      await server.request('/api/messages', {
        method: 'POST',
        as: 'admin',
        json: { name: '补充材料', correlationKey: fresh.variables.entryId },
      });
      await expect.poll(() => tasksOf(fresh.id), { timeout: 5_000 }).toContain(drawn.review);
    });
  },
);
