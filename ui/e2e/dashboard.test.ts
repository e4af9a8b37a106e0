/**
 * @module Browser test of the supervisor's dashboard and of an instance's open incidents: the weekly trend chart, the
 * open-problems KPI, the default period in China dates on a UTC browser, the bulletin download under its Chinese
 * name; and an instance stuck at a gateway shown with its incident listed and the gateway marked red.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, logInThroughUi } from '../../server/testing/browser';
import { ARTIFACTS, closeE2e, type E2eServer, startE2e } from '../../server/testing/e2e';

const skip = browserUnavailableReason();
const HOUR = 3_600_000;

/** A gateway with only conditional flows and no default: `decision = "c"` matches none, so the instance holds in an incident. */
const STUCK_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://huiliu/e2e">
  <bpmn:process id="e2e-stuck-route" name="分流（无默认）" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:exclusiveGateway id="decide" name="分流" />
    <bpmn:endEvent id="endA" />
    <bpmn:endEvent id="endB" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
    <bpmn:sequenceFlow id="toA" sourceRef="decide" targetRef="endA">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=decision = "a"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toB" sourceRef="decide" targetRef="endB">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=decision = "b"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="e2e-stuck-route">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="122" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="decide_di" bpmnElement="decide" isMarkerVisible="true"><dc:Bounds x="200" y="115" width="50" height="50" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="endA_di" bpmnElement="endA"><dc:Bounds x="320" y="62" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="endB_di" bpmnElement="endB"><dc:Bounds x="320" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="140" /><di:waypoint x="200" y="140" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="toA_di" bpmnElement="toA"><di:waypoint x="225" y="115" /><di:waypoint x="225" y="80" /><di:waypoint x="320" y="80" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="toB_di" bpmnElement="toB"><di:waypoint x="225" y="165" /><di:waypoint x="225" y="200" /><di:waypoint x="320" y="200" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** The latest 01:00 China time not after `now`: China is already on the next date, a UTC browser still on the last. */
function latestChinaOneAm(now: Date): { at: Date; chinaDate: string } {
  let chinaDate = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10);
  let at = new Date(`${chinaDate}T01:00:00+08:00`);
  if (at > now) {
    at = new Date(at.getTime() - 24 * HOUR);
    chinaDate = new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
  }
  return { at, chinaDate };
}

describe.skipIf(skip !== null)('supervisor dashboard and instance incidents in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    // Demo content: the catalog and a few data problems accepted for rectification, i.e. open problems.
    ({ server, browser } = await startE2e({ demoContent: true }));
  });
  afterAll(() => closeE2e(server, browser));

  async function loginAs(
    username: string,
    options: { timezoneId?: string; clock?: Date } = {},
  ): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      timezoneId: options.timezoneId,
    });
    const page = await context.newPage();
    if (options.clock) await page.clock.setFixedTime(options.clock);
    await logInThroughUi(page, server.url, username);
    return page;
  }

  it('given a supervisor on a UTC browser at 01:00 China time, when they open the dashboard, then the default period ends on the China date, the trend chart draws, the open-problems KPI shows the count and the bulletin downloads under its Chinese name', async () => {
    // given: China is on `chinaDate` while the browser's UTC calendar is still on the day before
    const { at, chinaDate } = latestChinaOneAm(new Date());
    expect(at.toISOString().slice(0, 10), 'the browser sees yesterday').not.toBe(chinaDate);
    const monthStart = `${chinaDate.slice(0, 8)}01`;
    const expectedOpen = (
      (await (
        await server.request(`/api/supervision/trend?from=${monthStart}&to=${chinaDate}`, {
          as: 'supervisor',
        })
      ).json()) as { openProblems: number }
    ).openProblems;
    expect(expectedOpen, 'the demo content leaves problems open').toBeGreaterThan(0);

    const page = await loginAs('supervisor', { timezoneId: 'UTC', clock: at });
    await page.goto(`${server.url}/dashboard`);

    // then the period is this China month so far, not the UTC browser's yesterday
    // (the period is one range picker since #17: its two inputs are from and to)
    const period = page.getByTestId('stats-period').locator('input');
    await period.first().waitFor();
    expect(await period.nth(1).inputValue()).toBe(chinaDate);
    expect(await period.nth(0).inputValue()).toBe(monthStart);

    // the weekly trend is drawn by echarts on a canvas of real size
    const canvas = page.getByTestId('chart-weekly-trend').locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(50);

    // the open-problems KPI shows the server's count as a number
    const kpi = page.getByTestId('kpi-open-problems').locator('.ant-statistic-content-value');
    await expect.poll(async () => (await kpi.textContent())?.trim()).toBe(String(expectedOpen));
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-supervisor.png`, fullPage: true });

    // when the bulletin is exported, then the browser saves a workbook (a zip: "PK") under the Chinese name
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('bulletin-export').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`公共数据工作通报_${monthStart}_${chinaDate}.xlsx`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await page.getByTestId('bulletin-export-error').count()).toBe(0);
    await page.context().close();
  });

  it('given an instance no gateway flow matches, when the admin opens it, then its incident is listed and the gateway is marked red', async () => {
    // given a deployed route without a default flow, started with a decision neither condition accepts
    const deployed = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'e2e-stuck-route.bpmn', content: STUCK_BPMN }] },
    });
    expect(deployed.status, await deployed.clone().text()).toBe(201);
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'e2e-stuck-route', variables: { decision: 'c' } },
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };

    // when the admin opens the instance
    const page = await loginAs('admin');
    await page.goto(`${server.url}/instances/${id}`);

    // then the open incident is listed at the gateway, and the gateway's shape carries the incident marker
    const incidents = page.getByTestId('open-incidents');
    await incidents.waitFor();
    expect(await incidents.locator('li[data-element-id="decide"]').count()).toBe(1);
    const gateway = page.locator('.djs-shape[data-element-id="decide"]');
    await expect.poll(() => gateway.getAttribute('class')).toContain('hl-incident');
    // the ends were never reached: no incident marker spills onto them
    expect(await page.locator('.djs-shape.hl-incident').count()).toBe(1);
    // Read by kind in the page's language (zh by default), on the diagram and in the list.
    expect(await incidents.textContent()).toContain('没有满足条件的分支');
    await page.locator('.djs-overlay', { hasText: '没有满足条件的分支' }).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/instance-incident.png` });
    await page.context().close();
  });
});
