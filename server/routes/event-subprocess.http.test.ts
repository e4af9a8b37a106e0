/**
 * @module An event subprocess through the server (issue #13): a process deployed over HTTP whose non-interrupting
 * message event subprocess (补充材料) runs beside the main task each time the message is correlated, and whose
 * interrupting one (撤回) ends the instance; on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../engine/runtime';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="evsub-http" name="补充材料演示" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="review" name="审核">
      <bpmn:extensionElements><zeebe:assignmentDefinition assignee="admin" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:subProcess id="supplement" triggeredByEvent="true">
      <bpmn:startEvent id="arrived" isInterrupting="false"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:startEvent>
      <bpmn:userTask id="readSupplement" name="查看补充材料">
        <bpmn:extensionElements><zeebe:assignmentDefinition assignee="admin" /></bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:endEvent id="read" />
      <bpmn:sequenceFlow id="s1" sourceRef="arrived" targetRef="readSupplement" />
      <bpmn:sequenceFlow id="s2" sourceRef="readSupplement" targetRef="read" />
    </bpmn:subProcess>
    <bpmn:subProcess id="withdraw" triggeredByEvent="true">
      <bpmn:startEvent id="withdrawn"><bpmn:messageEventDefinition messageRef="m2" /></bpmn:startEvent>
      <bpmn:endEvent id="closed" />
      <bpmn:sequenceFlow id="w1" sourceRef="withdrawn" targetRef="closed" />
    </bpmn:subProcess>
  </bpmn:process>
  <bpmn:message id="m1" name="补充材料"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseNo" /></bpmn:extensionElements></bpmn:message>
  <bpmn:message id="m2" name="撤回申请"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseNo" /></bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`;

describe.each(testDbKinds())('event subprocesses over HTTP on %s', (kind) => {
  let server: TestServer;
  const runtime = () => server.deps.services.runtime as Runtime;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const res = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'evsub-http.bpmn', content: XML }] },
    });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  const start = async (caseNo: string) => {
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'evsub-http', variables: { caseNo } },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const instance = async (id: string) =>
    (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as {
      status: string;
      activeElementIds: string[];
      variables: Record<string, unknown>;
    };
  const tasks = async (id: string) =>
    (
      (await (await server.request(`/api/tasks?scope=all&processInstanceId=${id}`, { as: 'admin' })).json()) as {
        items: { id: string; elementId: string }[];
      }
    ).items;

  it('given a running instance, when 补充材料 is correlated twice, then two supplement tasks run beside the review and the instance ends after all three', async () => {
    const id = await start('AJ-1');
    const other = await start('AJ-2');
    // when the message arrives twice for AJ-1
    await runtime().correlateMessage({ messageName: '补充材料', correlationKey: 'AJ-1', variables: { n: 1 } });
    await runtime().correlateMessage({ messageName: '补充材料', correlationKey: 'AJ-1', variables: { n: 2 } });
    // then AJ-1 has the review and two supplement tasks; AJ-2 is untouched
    expect((await instance(id)).activeElementIds.sort()).toEqual(['readSupplement', 'readSupplement', 'review']);
    expect((await tasks(id)).map((t) => t.elementId).sort()).toEqual(['readSupplement', 'readSupplement', 'review']);
    expect((await instance(other)).activeElementIds).toEqual(['review']);
    for (const t of await tasks(id)) {
      const res = await server.request(`/api/tasks/${t.id}/complete`, { method: 'POST', as: 'admin', json: { variables: {} } });
      expect(res.status).toBe(200);
    }
    expect(await instance(id)).toMatchObject({ status: 'completed', variables: { n: 2 } });
  });

  it('given a running instance, when 撤回申请 is correlated, then the review task is cancelled and the instance completes through the event subprocess', async () => {
    const id = await start('AJ-3');
    await runtime().correlateMessage({ messageName: '撤回申请', correlationKey: 'AJ-3' });
    expect((await instance(id)).status).toBe('completed');
    expect(await tasks(id)).toEqual([]);
  });
});
