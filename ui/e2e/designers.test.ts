/** @module Browser test of the two designers: the BPMN modeler in Chinese with its properties panel, and the form renderer's preview. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();

const schema = {
  type: 'object',
  required: ['resourceName', 'category', 'dataItems'],
  properties: {
    unitId: { type: 'string', title: '数源单位' },
    resourceName: { type: 'string', title: '信息资源名称', minLength: 2 },
    category: {
      type: 'string',
      title: '分类',
      oneOf: [
        { const: 'basic', title: '基础' },
        { const: 'thematic', title: '主题' },
      ],
    },
    dataItems: {
      type: 'array',
      title: '数据项',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', title: '名称' },
          sensitive: { type: 'boolean', title: '是否敏感' },
        },
      },
    },
  },
};
/** A parallel split whose one branch is a JavaScript script task, which huiliu refuses to deploy. */
const BAD_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="bad-process" name="坏流程" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:parallelGateway id="split"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>f3</bpmn:outgoing></bpmn:parallelGateway>
    <bpmn:scriptTask id="script" name="脚本" scriptFormat="javascript"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing><bpmn:script>1+1</bpmn:script></bpmn:scriptTask>
    <bpmn:userTask id="b" name="任务B"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="end1"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="end2"><bpmn:incoming>f5</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="split" />
    <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="script" />
    <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="b" />
    <bpmn:sequenceFlow id="f4" sourceRef="script" targetRef="end1" />
    <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="end2" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="bad-process">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="split_di" bpmnElement="split"><dc:Bounds x="180" y="93" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="script_di" bpmnElement="script"><dc:Bounds x="280" y="40" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="b_di" bpmnElement="b"><dc:Bounds x="280" y="160" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end1_di" bpmnElement="end1"><dc:Bounds x="440" y="62" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end2_di" bpmnElement="end2"><dc:Bounds x="440" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="180" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="205" y="93" /><di:waypoint x="205" y="80" /><di:waypoint x="280" y="80" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="205" y="143" /><di:waypoint x="205" y="200" /><di:waypoint x="280" y="200" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f4_di" bpmnElement="f4"><di:waypoint x="380" y="80" /><di:waypoint x="440" y="80" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f5_di" bpmnElement="f5"><di:waypoint x="380" y="200" /><di:waypoint x="440" y="200" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

const uiSchema = { unitId: { 'ui:widget': 'unit' }, dataItems: { 'ui:field': 'table' } };

describe.skipIf(skip !== null)('the designers in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ server, browser } = await startE2e());
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await logInThroughUi(page, server.url, 'admin');
  });
  afterAll(() => closeE2e(server, browser));

  it('opens a new diagram in the modeler with Chinese palette and properties panel, watermark kept', async () => {
    // given the admin on /modeler (a new diagram)
    await page.goto(`${server.url}/modeler`);
    await page.locator('.djs-element[data-element-id="start"]').waitFor();
    // when the start event is selected
    await page.locator('.djs-element[data-element-id="start"]').click();
    // then the properties panel speaks Chinese and the palette tooltips are translated
    await expect.poll(() => page.getByTestId('properties-panel').textContent()).toContain('基本信息');
    // (the palette's 任务 creates a user task since #18, and says so)
    expect(await page.locator('.djs-palette [aria-label="创建用户任务（需要有人办理的步骤）"]').count()).toBe(
      1,
    );
    expect(await page.locator('.djs-palette [aria-label="创建开始事件"]').count()).toBe(1);
    // and the bpmn.io watermark stays visible
    expect(await page.locator('.bjs-powered-by').isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/modeler-new.png` });
  });

  it("deploys a diagram opened from a file and shows the server's BPMN_INVALID problems on their elements", async () => {
    // given a diagram with a JavaScript script task (no arbitrary code runs on the server)
    await page.goto(`${server.url}/modeler`);
    await page.locator('.djs-element[data-element-id="start"]').waitFor();
    await page
      .getByTestId('modeler-file-input')
      .setInputFiles({ name: 'bad.bpmn', mimeType: 'application/xml', buffer: Buffer.from(BAD_BPMN) });
    await page.locator('.djs-element[data-element-id="script"]').waitFor();
    // when it is deployed
    await page.getByTestId('modeler-deploy').click();
    await page.getByTestId('deploy-confirm').click();
    // then the problem is listed with its element id and marked red with a badge on the canvas
    await page.getByTestId('modeler-problems').waitFor();
    const problem = page.getByTestId('modeler-problem').first();
    expect(await problem.getAttribute('data-element-id')).toBe('script');
    expect(await problem.textContent()).toContain('脚本');
    expect(await page.locator('.djs-element.hl-error[data-element-id="script"]').count()).toBe(1);
    expect(await page.getByTestId('problem-badge-script').textContent()).toBe('1');
    await page.screenshot({ path: `${ARTIFACTS}/modeler-bpmn-invalid.png` });
  });

  it('previews a form with Chinese validation messages, the table field and the unit picker', async () => {
    // given a new form's editors
    await page.goto(`${server.url}/forms/e2e-form`);
    // the forms page opens on the visual designer tab; the JSON editors live on the JSON tab
    await page.getByTestId('form-tab-json').click();
    await page.getByTestId('form-schema-json').fill(JSON.stringify(schema));
    await page.getByTestId('form-ui-json').fill(JSON.stringify(uiSchema));
    const preview = page.getByTestId('form-preview-form');
    // when a unit is picked from the server's list, a one-character name is typed and the form is checked
    await page.getByTestId('unit-picker-unitId').click();
    await page.keyboard.type('公安');
    await page.locator('.ant-select-item-option', { hasText: '县公安局' }).click();
    await page.locator('#root_resourceName').fill('户');
    await preview.getByTestId('form-submit').click();
    // then each error names its field in Chinese, on the field itself, and no choice was preselected
    await expect.poll(() => preview.textContent()).toContain('「信息资源名称」至少需要 2 个字符');
    expect(await preview.textContent()).toContain('「分类」为必填项');
    expect(await preview.textContent()).toContain('「数据项 第1行 名称」为必填项');
    // when a data item row is added and filled, its error goes away
    await page.getByTestId('table-dataItems-0-name').fill('身份证号');
    await preview.getByTestId('form-submit').click();
    await expect.poll(() => preview.textContent()).not.toContain('「数据项 第1行 名称」为必填项');
    await page.screenshot({ path: `${ARTIFACTS}/form-preview.png`, fullPage: true });
  });
});
