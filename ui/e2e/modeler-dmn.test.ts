/**
 * @module Browser test of decision tables beside the modeler (#13 item 3): a diagram with a business rule task calling
 * `share_level` is opened; the 决策表 drawer offers that decision, creates its table in dmn-js, a cell is edited, and
 * the process deploys with the `.dmn`; an instance then gets the table's answer. dmn-js stays out of the main bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="e2e-rules" name="共享级别判定" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:businessRuleTask id="decide" name="判定共享级别">
      <bpmn:extensionElements><zeebe:calledDecision decisionId="share_level" resultVariable="level" /></bpmn:extensionElements>
    </bpmn:businessRuleTask>
    <bpmn:userTask id="look" name="查看结果">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition assignee="admin" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
    <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="look" />
    <bpmn:sequenceFlow id="f3" sourceRef="look" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="e2e-rules">
    <bpmndi:BPMNShape id="start-di" bpmnElement="start"><dc:Bounds x="180" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="decide-di" bpmnElement="decide"><dc:Bounds x="270" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="look-di" bpmnElement="look"><dc:Bounds x="420" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end-di" bpmnElement="end"><dc:Bounds x="570" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1-di" bpmnElement="f1"><di:waypoint x="216" y="118" /><di:waypoint x="270" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2-di" bpmnElement="f2"><di:waypoint x="370" y="118" /><di:waypoint x="420" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3-di" bpmnElement="f3"><di:waypoint x="520" y="118" /><di:waypoint x="570" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe.skipIf(skip !== null)('decision tables beside the modeler in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logInThroughUi(page, server.url, 'admin');
  });
  afterAll(() => closeE2e(server, browser));

  it('given the built UI, when its entry is read, then dmn-js is not in it (a lazy chunk)', () => {
    const html = readFileSync('ui/dist/index.html', 'utf8');
    const entries = [...html.matchAll(/src="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries)
      expect(readFileSync(`ui/dist/assets/${e}`, 'utf8')).not.toContain('dmn-decision-table');
    expect(
      readdirSync('ui/dist/assets').some((f) =>
        readFileSync(`ui/dist/assets/${f}`, 'utf8').includes('dmn-decision-table'),
      ),
    ).toBe(true);
  });

  it('given a diagram calling share_level, when its table is made in the drawer and a cell changed, then both deploy and the instance gets the answer', async () => {
    await page.goto(`${server.url}/modeler`);
    await page.locator('.djs-element[data-element-id="start"]').first().waitFor();
    await page
      .getByTestId('modeler-file-input')
      .setInputFiles({ name: 'rules.bpmn', mimeType: 'application/xml', buffer: Buffer.from(BPMN) });
    await page.locator('.djs-element[data-element-id="decide"]').waitFor();

    await page.getByTestId('modeler-dmn').click();
    const ws = page.getByTestId('dmn-workspace');
    await ws.waitFor();
    // the decision the task calls is offered; taking it fills the id
    await ws.getByRole('button', { name: 'share_level' }).click();
    expect(await ws.getByTestId('dmn-new-id').inputValue()).toBe('share_level');
    await ws.getByTestId('dmn-new-name').fill('共享级别');
    await ws.getByTestId('dmn-create').click();
    // dmn-js shows the decision table
    const table = ws.locator('.tjs-table');
    await table.waitFor();
    // the output cell "yes" becomes "high"
    const out = ws.locator('td.output-cell .content-editable, td.output-cell [contenteditable]').first();
    await out.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('"high"');
    await ws.locator('.tjs-table th').first().click(); // leave the cell
    // and it speaks Chinese
    expect(await ws.locator('.tjs-table').textContent()).toContain('条件');
    expect(await ws.textContent()).toContain('命中策略');
    await page.screenshot({ path: `${ARTIFACTS}/modeler-dmn.png` });
    await page.locator('.ant-drawer-close').click();

    // deployed together
    await page.getByTestId('modeler-deploy').click();
    await page.getByTestId('deploy-confirm').click();
    await page.getByTestId('deploy-done').waitFor();
    await page.getByTestId('deploy-close').click();

    const start = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'e2e-rules', variables: { input: 'a' } },
    });
    expect(start.status, await start.clone().text()).toBe(201);
    const id = ((await start.json()) as { id: string }).id;
    await expect
      .poll(
        async () =>
          (
            (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as {
              variables: Record<string, unknown>;
            }
          ).variables.level,
        { timeout: 20_000 },
      )
      .toBe('high');
  });

  it('given the deployed table, when the modeler is opened afresh, then the drawer opens share_level from the server with its change', async () => {
    await page.goto(`${server.url}/modeler/e2e-rules`);
    await page.locator('.djs-element[data-element-id="decide"]').waitFor();
    await page.getByTestId('modeler-dmn').click();
    const ws = page.getByTestId('dmn-workspace');
    const pick = ws.getByTestId('dmn-open-deployed');
    await pick.click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: 'share_level',
      })
      .click();
    await ws.locator('.tjs-table').waitFor();
    await expect.poll(() => ws.locator('.tjs-table').textContent()).toContain('"high"');
    await page.locator('.ant-drawer-close').click();
  });
});
