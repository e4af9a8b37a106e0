/**
 * @module Security (issue #15, attachments readable by id): an attachment of another unit opens only when an
 * instance the reader takes part in holds it in a file field of one of its forms, never when its id was typed
 * into a free-text field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const FORM = {
  key: 'sec-note-form',
  title: '说明与附件',
  schema: {
    type: 'object',
    properties: {
      note: { type: 'string', title: '说明', maxLength: 2000 },
      files: { type: 'array', title: '附件', items: { type: 'string' }, 'x-attachment': true },
    },
  },
  uiSchema: {},
};
const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-sec-note" targetNamespace="http://huiliu/test">
  <bpmn:process id="sec-note" name="说明转交" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="sec-note-form" /></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:userTask id="read" name="阅办">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateUsers="wjj.leader" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="read" />
    <bpmn:sequenceFlow id="f2" sourceRef="read" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(testDbKinds())('attachments readable by id, over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const resources = [
      { name: 'sec-note.bpmn', content: DIAGRAM },
      { name: 'sec-note-form.form.json', content: JSON.stringify(FORM) },
    ];
    const res = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  const upload = async (as: string, name: string, text: string) => {
    const body = new FormData();
    body.set('file', new File([text], name, { type: 'text/plain' }));
    const res = await server.request('/api/attachments', { method: 'POST', as, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const read = async (as: string, id: string) =>
    (await server.request(`/api/attachments/${id}`, { as })).status;

  it('given an instance holding one attachment in a file field and another unit’s id in a free-text field, when a participant of a third unit opens them, then only the file field’s opens', async () => {
    // given 县人力社保局's confidential upload, and 县公安局's cataloguer's own
    const secret = await upload('rsj.feedback', '内部名单.txt', '张三 110101199001011234');
    const own = await upload('gaj.cataloguer', '说明.txt', '变更说明');
    // when 县公安局's cataloguer starts an instance for 县卫生健康局's leader, typing the secret's id as text
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'sec-note', variables: { note: `请看附件 ${secret}`, files: [own] } },
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const tasksRes = await server.request('/api/tasks?scope=all', { as: 'wjj.leader' });
    const tasks = (await tasksRes.json()) as any;
    expect(tasksRes.status, JSON.stringify(tasks)).toBe(200);
    expect(tasks.items.map((t: { elementId: string }) => t.elementId)).toContain('read');
    // then the leader opens the file field's attachment, but not the one only named in the text
    expect(await read('wjj.leader', own)).toBe(200);
    expect(await read('wjj.leader', secret)).toBe(404);
    expect((await server.request(`/api/attachments/${secret}/meta`, { as: 'wjj.leader' })).status).toBe(404);
    // and the secret's uploader and unit still open it
    expect(await read('rsj.feedback', secret)).toBe(200);
    expect(await read('rsj.cataloguer', secret)).toBe(200);
  });

  it('given another unit’s attachment, when a user puts its id into a file field, then the start is refused in Chinese', async () => {
    const secret = await upload('rsj.feedback', '名单.txt', '李四');
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'sec-note', variables: { files: [secret] } },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('附件不存在或不是您上传的');
  });
});
