/**
 * @module Security (issue #15, "who may start"): a process's starters come from its diagram (zeebe property
 * `huiliu:starters`); one that names none is for its administrators only; workers refuse other processes' jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { parseStarters } from '../process-access';
import { createTestServer, type TestServer } from '../testing/test-server';

const diagram = (
  key: string,
  extension = '',
  body = '<bpmn:userTask id="ack" />',
) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-${key}" targetNamespace="http://huiliu/test">
  <bpmn:process id="${key}" name="${key}" isExecutable="true">
    ${extension}
    <bpmn:startEvent id="start" />
    ${body.replace('id="ack"', 'id="ack" name="办理"')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ack" />
    <bpmn:sequenceFlow id="f2" sourceRef="ack" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
const starters = (value: string) =>
  `<bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="${value}" /></zeebe:properties></bpmn:extensionElements>`;

describe('parseStarters', () => {
  it('given a comma list with unit scopes and blanks, when parsed, then roles and units come out trimmed', () => {
    expect(parseStarters(' unit.leader@gaj, authority.governance ,，,unit.feedback@ ')).toEqual([
      { role: 'unit.leader', unitId: 'gaj' },
      { role: 'authority.governance' },
      { role: 'unit.feedback' },
    ]);
    expect(parseStarters(undefined)).toEqual([]);
  });
});

describe.each(testDbKinds())('who may start a process, over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const resources = [
      { name: 'open.bpmn', content: diagram('sec-no-starters') },
      { name: 'gaj.bpmn', content: diagram('sec-gaj-leaders', starters('unit.leader@gaj,supervisor')) },
      {
        name: 'rogue.bpmn',
        content: diagram(
          'sec-rogue',
          starters('unit.cataloguer'),
          '<bpmn:serviceTask id="ack"><bpmn:extensionElements><zeebe:taskDefinition type="catalog.apply-change" retries="1" /></bpmn:extensionElements></bpmn:serviceTask>',
        ),
      },
    ];
    const res = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  const start = async (as: string, processKey: string) => {
    const res = await server.request('/api/process-instances', { method: 'POST', as, json: { processKey } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const canStart = async (as: string) => {
    const res = await server.request('/api/process-definitions?latest=true', { as });
    const list = (await res.json()) as { key: string; canStart: boolean }[];
    return Object.fromEntries(list.map((d) => [d.key, d.canStart]));
  };

  it('given a process that names no starters, when a unit user starts it, then 403 in Chinese; its administrator may', async () => {
    const refused = await start('gaj.cataloguer', 'sec-no-starters');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect(refused.body.error.message).toMatch(/无权发起流程 sec-no-starters/);
    expect((await canStart('gaj.cataloguer'))['sec-no-starters']).toBe(false);
    expect((await start('admin', 'sec-no-starters')).status).toBe(201);
    expect((await canStart('admin'))['sec-no-starters']).toBe(true);
  });

  it('given starters scoped to a unit, when users of that unit and of another start it, then only the named ones may', async () => {
    expect((await start('gaj.leader', 'sec-gaj-leaders')).status).toBe(201);
    expect((await start('supervisor', 'sec-gaj-leaders')).status).toBe(201);
    expect((await start('wjj.leader', 'sec-gaj-leaders')).status).toBe(403);
    expect((await start('gaj.cataloguer', 'sec-gaj-leaders')).status).toBe(403);
    expect((await canStart('gaj.leader'))['sec-gaj-leaders']).toBe(true);
    expect((await canStart('wjj.leader'))['sec-gaj-leaders']).toBe(false);
  });

  it('given the shipped processes, when users outside their declared starters start them, then 403; the starters see canStart', async () => {
    expect((await start('wjj.feedback', 'catalog-registration')).status).toBe(403);
    expect((await start('gaj.cataloguer', 'data-problem')).status).toBe(403);
    expect((await start('gaj.cataloguer', 'bulletin')).status).toBe(403);
    expect(await canStart('gaj.cataloguer')).toMatchObject({
      'catalog-registration': true,
      'catalog-change': true,
      'data-problem': false,
      bulletin: false,
    });
    expect(await canStart('wjj.feedback')).toMatchObject({ 'data-problem': true, 'catalog-change': false });
    expect((await canStart('governance')).bulletin).toBe(true);
  });

  it('given an added process that borrows catalog.apply-change, when its job runs, then it is an incident that names the process', async () => {
    const started = await start('gaj.cataloguer', 'sec-rogue');
    expect(started.status).toBe(201);
    // the test server runs due jobs when the clock is set
    const now = ((await (await server.request('/api/test/clock', { as: 'admin' })).json()) as any).now;
    await server.request('/api/test/clock', { method: 'PUT', as: 'admin', json: { now } });
    const instance = (await (
      await server.request(`/api/process-instances/${started.body.id}`, { as: 'admin' })
    ).json()) as any;
    expect(instance.status).toBe('incident');
    expect(instance.incidents[0].message).toContain('作业类型 catalog.apply-change 不能用于流程 sec-rogue');
  });
});
