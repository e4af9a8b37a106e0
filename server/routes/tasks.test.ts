/** @module Processes and tasks over HTTP: deploy rules, unit-scoped task visibility, one completion wins, the test clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const LEAVE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="unit-ack" name="单位确认" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="ack" name="负责人确认">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="unit.leader" />
        <zeebe:taskSchedule dueDate="=workday(now(), 2)" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ack" />
    <bpmn:sequenceFlow id="f2" sourceRef="ack" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** Two problems in one diagram: a JavaScript script task, and a gateway whose flows have no conditions. */
const BROKEN = LEAVE.replace(
  '<bpmn:sequenceFlow id="f2" sourceRef="ack" targetRef="end" />',
  `<bpmn:exclusiveGateway id="gw" /><bpmn:scriptTask id="js" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
   <bpmn:sequenceFlow id="f2" sourceRef="ack" targetRef="gw" /><bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="end" />
   <bpmn:sequenceFlow id="f4" sourceRef="gw" targetRef="js" /><bpmn:sequenceFlow id="f5" sourceRef="js" targetRef="end" />`,
);

describe.each(testDbKinds())('processes and tasks over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server?.close());
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as any });

  it('deploys for authority.admin only; identical content is 200 with the same version; invalid BPMN is 400 per element', async () => {
    const resources = [{ name: 'unit-ack.bpmn', content: LEAVE }];
    expect(
      (
        await server.request('/api/deployments', {
          method: 'POST',
          as: 'gaj.cataloguer',
          json: { resources },
        })
      ).status,
    ).toBe(403);
    const first = await json(
      await server.request('/api/deployments', { method: 'POST', as: 'admin', json: { resources } }),
    );
    expect(first.status).toBe(201);
    expect(first.body.processes).toMatchObject([{ key: 'unit-ack', version: 1 }]);
    const again = await json(
      await server.request('/api/deployments', { method: 'POST', as: 'admin', json: { resources } }),
    );
    expect(again.status).toBe(200);
    expect(again.body.processes[0].version).toBe(1);

    const bad = await json(
      await server.request('/api/deployments', {
        method: 'POST',
        as: 'admin',
        json: { resources: [{ name: 'bad.bpmn', content: BROKEN }] },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BPMN_INVALID');
    const ids = bad.body.error.details.map((d: { elementId: string }) => d.elementId);
    expect(ids).toEqual(expect.arrayContaining(['js']));
    expect(ids.some((id: string) => ['gw', 'f3', 'f4'].includes(id))).toBe(true);
    for (const d of bad.body.error.details) expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('offers a unit-scoped task to that unit only: other units get 404, a second completion is 409 and changes nothing', async () => {
    // given an instance started by 县公安局's cataloguer
    const started = await json(
      await server.request('/api/process-instances', {
        method: 'POST',
        as: 'gaj.cataloguer',
        json: { processKey: 'unit-ack' },
      }),
    );
    expect(started.status).toBe(201);
    const instanceId = started.body.id;
    // then 县公安局's leader sees the task to claim, 县卫生健康局's leader does not
    const group = await json(
      await server.request(`/api/tasks?scope=group&processInstanceId=${instanceId}`, { as: 'gaj.leader' }),
    );
    expect(group.body.items).toHaveLength(1);
    const task = group.body.items[0];
    expect(task).toMatchObject({ elementId: 'ack', unitId: 'gaj', status: 'open', overdue: false });
    expect(task.dueAt).toMatch(/T15:59:59(\.000)?Z$/); // 23:59:59 China time
    const other = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, {
      as: 'wjj.leader',
    });
    expect(((await other.json()) as any).items).toHaveLength(0);
    expect((await server.request(`/api/tasks/${task.id}`, { as: 'wjj.leader' })).status).toBe(404);
    expect(
      (
        await server.request(`/api/tasks/${task.id}/complete`, {
          method: 'POST',
          as: 'wjj.leader',
          json: { variables: {} },
        })
      ).status,
    ).toBe(404);
    expect((await server.request(`/api/process-instances/${instanceId}`, { as: 'wjj.leader' })).status).toBe(
      404,
    );

    // when the right leader completes it twice
    const done = await json(
      await server.request(`/api/tasks/${task.id}/complete`, {
        method: 'POST',
        as: 'gaj.leader',
        json: { variables: { ok: true } },
      }),
    );
    expect(done.status).toBe(200);
    expect(done.body.instance.status).toBe('completed');
    const twice = await json(
      await server.request(`/api/tasks/${task.id}/complete`, {
        method: 'POST',
        as: 'gaj.leader',
        json: { variables: { ok: false } },
      }),
    );
    // then the second is a conflict and the first result stands
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('CONFLICT');
    const instance = await json(
      await server.request(`/api/process-instances/${instanceId}`, { as: 'gaj.leader' }),
    );
    expect(instance.body.variables.ok).toBe(true);
    const history = await json(
      await server.request(`/api/process-instances/${instanceId}/history`, { as: 'supervisor' }),
    );
    const types = history.body.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['instance.started', 'task.created', 'task.completed', 'instance.completed']),
    );
    expect(history.body.find((e: any) => e.type === 'task.completed').actor).toBe('gaj.leader');
  });

  it('moves the test clock: the task becomes overdue', async () => {
    const started = await json(
      await server.request('/api/process-instances', {
        method: 'POST',
        as: 'rsj.cataloguer',
        json: { processKey: 'unit-ack' },
      }),
    );
    const [task] = (
      await json(
        await server.request(`/api/tasks?processInstanceId=${started.body.id}`, { as: 'rsj.leader' }),
      )
    ).body.items;
    const later = new Date(new Date(task.dueAt).getTime() + 60_000).toISOString();
    const clock = await json(
      await server.request('/api/test/clock', { method: 'PUT', as: 'admin', json: { now: later } }),
    );
    expect(clock.body).toEqual({ now: expect.any(String) });
    expect(clock.status).toBe(200);
    const overdue = await json(await server.request('/api/tasks?overdue=true', { as: 'rsj.leader' }));
    expect(overdue.body.items.map((t: { id: string }) => t.id)).toContain(task.id);
  });
  it('binds a form saved in the designer to the next deployment of the same diagram; running instances keep theirs', async () => {
    // given a process whose start form is `leave-note` v1, deployed together
    const form = {
      key: 'leave-note',
      title: '说明',
      schema: { type: 'object', properties: { note: { type: 'string', title: '说明' } } },
      uiSchema: {},
    };
    const xml = LEAVE.replace('id="unit-ack" name="单位确认"', 'id="noted" name="带说明"').replace(
      '<bpmn:startEvent id="start" />',
      '<bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="leave-note" /></bpmn:extensionElements></bpmn:startEvent>',
    );
    const resources = [
      { name: 'noted.bpmn', content: xml },
      { name: 'leave-note.form.json', content: JSON.stringify(form) },
    ];
    expect(
      (await server.request('/api/deployments', { method: 'POST', as: 'admin', json: { resources } })).status,
    ).toBe(201);
    const v1Instance = await json(
      await server.request('/api/process-instances', {
        method: 'POST',
        as: 'gaj.cataloguer',
        json: { processKey: 'noted', variables: { note: 'v1' } },
      }),
    );
    expect(v1Instance.status).toBe(201);
    // when the administrator saves v2 of the form (note now required) and deploys the unchanged diagram
    const v2 = { ...form, schema: { ...form.schema, required: ['note'] } };
    expect((await server.request('/api/forms', { method: 'POST', as: 'admin', json: v2 })).status).toBe(201);
    const redeploy = await json(
      await server.request('/api/deployments', {
        method: 'POST',
        as: 'admin',
        json: { resources: [{ name: 'noted.bpmn', content: xml }] },
      }),
    );
    // then a new process version binds form v2, and a start without the note is refused in Chinese
    expect(redeploy.status).toBe(201);
    expect(redeploy.body.processes[0].version).toBe(2);
    expect(
      (await json(await server.request('/api/process-definitions/noted', { as: 'gaj.cataloguer' }))).body
        .startForm.version,
    ).toBe(2);
    const refused = await json(
      await server.request('/api/process-instances', {
        method: 'POST',
        as: 'gaj.cataloguer',
        json: { processKey: 'noted', variables: {} },
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].message).toBe('「说明」为必填项');
    // and the instance started on version 1 stays on it
    expect(
      (
        await json(
          await server.request(`/api/process-instances/${v1Instance.body.id}`, { as: 'gaj.cataloguer' }),
        )
      ).body.version,
    ).toBe(1);
  });
});
