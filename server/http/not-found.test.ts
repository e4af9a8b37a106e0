/**
 * @module 404 texts (API.md: a stable code and a Chinese message): an instance or task that does not exist, or
 * that the caller may not see, is answered in the same words, and the id the URL named is never echoed back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-nf" targetNamespace="http://huiliu/test">
  <bpmn:process id="nf-test" name="不存在" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="read" name="阅办">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateUsers="wjj.leader" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="read" />
    <bpmn:sequenceFlow id="f2" sourceRef="read" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(testDbKinds())('404 texts, over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const resources = [{ name: 'nf-test.bpmn', content: DIAGRAM }];
    const res = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  const refusal = async (path: string, as: string, init: { method?: string; json?: unknown } = {}) => {
    const res = await server.request(path, { ...init, as });
    const text = await res.text();
    return { status: res.status, text, error: (JSON.parse(text) as any).error };
  };
  const MISSING = '0b5e8a52-1c2d-4e3f-9a0b-123456789abc';

  it('given an instance that does not exist, one the caller may not see, and ids that are no uuid, when read, then 404 “流程实例不存在” without the id', async () => {
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'nf-test', variables: {} },
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const hidden = ((await started.json()) as { id: string }).id;
    for (const [id, as] of [
      [MISSING, 'admin'],
      [hidden, 'rsj.feedback'],
      ['<b>x</b>', 'admin'],
    ]) {
      const r = await refusal(`/api/process-instances/${encodeURIComponent(id)}`, as);
      expect([r.status, r.error.code, r.error.message], id).toEqual([404, 'NOT_FOUND', '流程实例不存在']);
      expect(r.text).not.toContain(id);
    }
    // the instance was there all along, for those who may see it
    expect((await server.request(`/api/process-instances/${hidden}`, { as: 'gaj.cataloguer' })).status).toBe(
      200,
    );
  });

  it('given a task that does not exist, when read or completed, then 404 “任务不存在” without the id, in English on request', async () => {
    const read = await refusal(`/api/tasks/${MISSING}`, 'wjj.leader');
    expect([read.status, read.error.code, read.error.message]).toEqual([404, 'NOT_FOUND', '任务不存在']);
    expect(read.text).not.toContain(MISSING);
    const done = await refusal(`/api/tasks/${MISSING}/complete`, 'wjj.leader', {
      method: 'POST',
      json: { variables: {} },
    });
    expect([done.status, done.error.message]).toEqual([404, '任务不存在']);
    expect(done.text).not.toContain(MISSING);
    const en = await server.request(`/api/tasks/${MISSING}`, {
      as: 'wjj.leader',
      headers: { 'accept-language': 'en' },
    });
    const enText = await en.text();
    expect([en.status, (JSON.parse(enText) as any).error.message]).toEqual([404, 'Task not found']);
    expect(enText).not.toContain(MISSING);
  });
});
