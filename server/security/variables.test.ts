/**
 * @module Security (issue #15, variables): a start or a completion cannot write the variables the engine and the
 * workers set (`initiator*`, routing ids), with a form or without; through a form only its declared fields.
 * The exploit: overwrite `initiatorUnitId` so a later task (`="unit.leader@" + initiatorUnitId`) goes to another unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const FORM = {
  key: 'sec-fill-form',
  title: '填写说明',
  // a designer-built form: no additionalProperties: false
  schema: { type: 'object', properties: { note: { type: 'string', title: '说明' } } },
  uiSchema: {},
};
const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-sec-vars" targetNamespace="http://huiliu/test">
  <bpmn:process id="sec-vars" name="说明审批" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="fill" name="填写">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="sec-fill-form" /><zeebe:assignmentDefinition candidateGroups="unit.cataloguer" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="ack" name="确认">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="unit.cataloguer" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="approve" name="本单位负责人审批">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="=&quot;unit.leader@&quot; + initiatorUnitId" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fill" />
    <bpmn:sequenceFlow id="f2" sourceRef="fill" targetRef="ack" />
    <bpmn:sequenceFlow id="f3" sourceRef="ack" targetRef="approve" />
    <bpmn:sequenceFlow id="f4" sourceRef="approve" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(testDbKinds())('variables a user may write, over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const resources = [
      { name: 'sec-vars.bpmn', content: DIAGRAM },
      { name: 'sec-fill-form.form.json', content: JSON.stringify(FORM) },
    ];
    const res = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  const call = async (path: string, as: string, json: unknown) => {
    const res = await server.request(path, { method: 'POST', as, json });
    return { status: res.status, body: (await res.json()) as any };
  };
  const taskOf = async (instanceId: string, elementId: string, as: string) => {
    const res = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, { as });
    return ((await res.json()) as any).items.find((t: { elementId: string }) => t.elementId === elementId);
  };
  const complete = (taskId: string, as: string, variables: Record<string, unknown>) =>
    call(`/api/tasks/${taskId}/complete`, as, { variables });

  it('given a start that names initiatorUnitId, when sent, then 422 naming the field in Chinese and nothing starts', async () => {
    const r = await call('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'sec-vars',
      variables: { initiatorUnitId: 'wjj' },
    });
    expect([r.status, r.body.error.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(r.body.error.details).toEqual([
      expect.objectContaining({
        path: '/initiatorUnitId',
        message: '「initiatorUnitId」由系统设置，不能由用户填写',
      }),
    ]);
    const list = await server.request('/api/process-instances?processKey=sec-vars', { as: 'admin' });
    expect(((await list.json()) as any).total).toBe(0);
  });

  it('given a designer-built form and a form-less task, when a user writes initiatorUnitId or an undeclared field, then 422; the next task stays in the starter’s unit', async () => {
    const started = await call('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'sec-vars',
      variables: {},
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id as string;
    const fill = await taskOf(id, 'fill', 'gaj.cataloguer');

    // when the form's task is completed with the starter's unit redirected to 县卫生健康局
    const redirected = await complete(fill.id, 'gaj.cataloguer', { note: '见附件', initiatorUnitId: 'wjj' });
    expect(redirected.status).toBe(422);
    expect(redirected.body.error.details[0]).toMatchObject({ path: '/initiatorUnitId' });
    // when it carries a field the form does not declare
    const extra = await complete(fill.id, 'gaj.cataloguer', { note: '见附件', approver: 'wjj.leader' });
    expect(extra.status).toBe(422);
    expect(extra.body.error.details).toEqual([
      expect.objectContaining({ path: '/approver', message: '「approver」不是此表单的字段' }),
    ]);
    // then only the declared field goes through
    expect((await complete(fill.id, 'gaj.cataloguer', { note: '见附件' })).status).toBe(200);

    // when the form-less task is completed with initiator fields, then 422; other data still passes
    const ack = await taskOf(id, 'ack', 'gaj.cataloguer');
    const posing = await complete(ack.id, 'gaj.cataloguer', {
      initiator: 'wjj.cataloguer',
      initiatorUnitId: 'wjj',
    });
    expect(posing.status).toBe(422);
    expect(posing.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      '/initiator',
      '/initiatorUnitId',
    ]);
    expect((await complete(ack.id, 'gaj.cataloguer', { checked: true })).status).toBe(200);

    // then the approval is 县公安局's leader's, not 县卫生健康局's
    expect(await taskOf(id, 'approve', 'gaj.leader')).toBeDefined();
    expect(await taskOf(id, 'approve', 'wjj.leader')).toBeUndefined();
    const instance = (await (
      await server.request(`/api/process-instances/${id}`, { as: 'admin' })
    ).json()) as any;
    expect(instance.variables).toMatchObject({
      initiator: 'gaj.cataloguer',
      initiatorUnitId: 'gaj',
      note: '见附件',
    });
    expect(instance.variables).not.toHaveProperty('approver');
  });
});
