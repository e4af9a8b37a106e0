/**
 * @module A file in a field the diagram hides from a reader (fieldAccess `hidden`) does not open for them by id:
 * neither through a task at that step, nor as the uploader's unit or a county-wide role; whoever has a step that
 * shows the field, and the uploader, still open it (approvals/reader-fields.ts is the one rule).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const FORM = {
  key: 'hid-file-form',
  title: '说明与附件',
  schema: {
    type: 'object',
    properties: {
      note: { type: 'string', title: '说明', maxLength: 200 },
      files: { type: 'array', title: '附件', items: { type: 'string' }, 'x-attachment': true },
    },
  },
  uiSchema: {},
};
const HIDE = JSON.stringify({ files: 'hidden' }).replace(/"/g, '&quot;');
const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-hid-file" targetNamespace="http://huiliu/test">
  <bpmn:process id="hid-file" name="附件隐藏" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="hid-file-form" /></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:userTask id="review" name="阅办">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateUsers="wjj.leader" /><zeebe:taskHeaders><zeebe:header key="fieldAccess" value="${HIDE}" /></zeebe:taskHeaders></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="approve" name="审定">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateUsers="rsj.leader" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="approve" />
    <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(testDbKinds())('attachments in hidden fields, over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const resources = [
      { name: 'hid-file.bpmn', content: DIAGRAM },
      { name: 'hid-file-form.form.json', content: JSON.stringify(FORM) },
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
  const openTask = async (as: string, instanceId: string) => {
    const res = await server.request(`/api/tasks?scope=all&processInstanceId=${instanceId}`, { as });
    return ((await res.json()) as any).items[0] as { id: string };
  };

  it('given a file in a field the current step hides, when its step’s holder, the uploader’s unit or a county-wide role opens it by id, then 404; the uploader and a step that shows it open it', async () => {
    // given 县公安局's cataloguer starts with a file; 阅办 (县卫生健康局's leader) hides the field
    const file = await upload('gaj.cataloguer', '内部名单.txt', '张三 110101199001011234');
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'hid-file', variables: { note: '请阅', files: [file] } },
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const instanceId = ((await started.json()) as { id: string }).id;
    // before: the uploader's unit and county-wide roles could open it by unit alone
    // then nobody it is hidden from opens it (nor its metadata)
    for (const who of ['wjj.leader', 'gaj.leader', 'governance', 'supervisor'])
      expect(await read(who, file), who).toBe(404);
    expect((await server.request(`/api/attachments/${file}/meta`, { as: 'gaj.leader' })).status).toBe(404);
    // the uploader does
    expect(await read('gaj.cataloguer', file)).toBe(200);
    // when 阅办 is done, 审定 (县人力社保局's leader, a step that hides nothing) opens it; 阅办's holder still not
    const review = await openTask('wjj.leader', instanceId);
    const done = await server.request(`/api/tasks/${review.id}/complete`, {
      method: 'POST',
      as: 'wjj.leader',
      json: { variables: {} },
    });
    expect(done.status, await done.clone().text()).toBe(200);
    expect(await read('rsj.leader', file)).toBe(200);
    expect(await read('wjj.leader', file)).toBe(404);
  });

  it('given a fresh upload no instance holds, when the uploader’s unit opens it, then it opens', async () => {
    const file = await upload('gaj.cataloguer', '草稿.txt', '暂存的说明');
    expect(await read('gaj.leader', file)).toBe(200);
    expect(await read('governance', file)).toBe(200);
  });
});
