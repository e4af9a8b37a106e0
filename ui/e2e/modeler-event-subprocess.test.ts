/**
 * @module Browser test of #13's "done when", as far as it runs today: data-problem with a non-interrupting message event
 * subprocess (补充材料 → 查看补充材料 for governance) is opened in the modeler from the administrator's file (drawing it
 * by hand in the test was not achieved: the start event inside a fresh subprocess would not take a click), checked,
 * deployed through the deploy dialog, and the v1 instances are migrated from it after a dry run; a report started on
 * v2 receives the message, and so does a migrated one (migration arms the triggers v2 adds).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
/** data-problem plus a non-interrupting message event subprocess 补充材料 → 查看补充材料 (governance), laid out below it. */
function withSupplement(xml: string): string {
  const bottom = Math.max(
    ...[...xml.matchAll(/<dc:Bounds x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g)].map(
      (m) => Number(m[1]) + Number(m[2]),
    ),
  );
  const y = bottom + 80;
  const sub = `
    <bpmn:subProcess id="supplement" name="补充材料" triggeredByEvent="true">
      <bpmn:startEvent id="supplement-start" name="收到补充材料" isInterrupting="false">
        <bpmn:messageEventDefinition id="supplement-def" messageRef="msg-supplement" />
      </bpmn:startEvent>
      <bpmn:userTask id="supplement-review" name="查看补充材料">
        <bpmn:extensionElements>
          <zeebe:userTask />
          <zeebe:assignmentDefinition candidateGroups="authority.governance" />
        </bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:endEvent id="supplement-end" name="已查看" />
      <bpmn:sequenceFlow id="supplement-f1" sourceRef="supplement-start" targetRef="supplement-review" />
      <bpmn:sequenceFlow id="supplement-f2" sourceRef="supplement-review" targetRef="supplement-end" />
    </bpmn:subProcess>
  </bpmn:process>
  <bpmn:message id="msg-supplement" name="补充材料">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=entryId" /></bpmn:extensionElements>
  </bpmn:message>`;
  const di = `
      <bpmndi:BPMNShape id="supplement-di" bpmnElement="supplement" isExpanded="true"><dc:Bounds x="200" y="${y}" width="420" height="160" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="supplement-start-di" bpmnElement="supplement-start"><dc:Bounds x="240" y="${y + 62}" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="supplement-review-di" bpmnElement="supplement-review"><dc:Bounds x="340" y="${y + 40}" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="supplement-end-di" bpmnElement="supplement-end"><dc:Bounds x="520" y="${y + 62}" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="supplement-f1-di" bpmnElement="supplement-f1"><di:waypoint x="276" y="${y + 80}" /><di:waypoint x="340" y="${y + 80}" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="supplement-f2-di" bpmnElement="supplement-f2"><di:waypoint x="440" y="${y + 80}" /><di:waypoint x="520" y="${y + 80}" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>`;
  return xml.replace(/\s*<\/bpmn:process>/, sub).replace(/\s*<\/bpmndi:BPMNPlane>/, di);
}

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
    let v1Xml = '';

    beforeAll(async () => {
      ({ server, browser } = await startE2e({ startPollers: true, demoContent: true }));
      const def = await server.request('/api/process-definitions/data-problem', { as: 'admin' });
      v1Xml = ((await def.json()) as { xml: string }).xml;
      page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await logInThroughUi(page, server.url, 'admin');
    });
    afterAll(() => closeE2e(server, browser));

    it('given running data-problem instances on v1, when the changed diagram is opened in the modeler, then it shows the event subprocess and the check finds no error', async () => {
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
      await page.locator('.djs-shape[data-element-id="triage"]').waitFor();
      // the administrator's changed file (drawn in the modeler and downloaded): v1 plus the event subprocess
      await page.getByTestId('modeler-file-input').setInputFiles({
        name: 'data-problem.bpmn',
        mimeType: 'application/xml',
        buffer: Buffer.from(withSupplement(v1Xml)),
      });
      await page.locator('.djs-shape[data-element-id="supplement"]').waitFor();
      await page.locator('.djs-shape[data-element-id="supplement-review"]').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/modeler-event-subprocess.png` });
      await expect.poll(() => page.getByTestId('modeler-lint').getAttribute('data-errors')).toBe('0');
    });

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
      await expect.poll(() => tasksOf(v2.id), { timeout: 20_000 }).toContain('supplement-review');
      expect(await tasksOf(v2.id)).toContain('triage');
    });

    // Migration arms the triggers of the event subprocess v2 added to the process scope the instance is in.
    it('given the migrated instance, when 补充材料 is published for its entry, then it gets the 补充材料 task too', async () => {
      await server.request('/api/messages', {
        method: 'POST',
        as: 'admin',
        json: { name: '补充材料', correlationKey: fresh.variables.entryId },
      });
      await expect.poll(() => tasksOf(fresh.id), { timeout: 5_000 }).toContain('supplement-review');
    });
  },
);
