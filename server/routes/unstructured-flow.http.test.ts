/**
 * @module An unstructured flow through the server (issue #13), on both databases: a parallel join fed by two
 * different splits and a branch ending on its own, deployed and driven over HTTP; the instance's active steps and
 * open tasks follow BPMN's tokens, and its snapshot (token counts included) survives the store between steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const task = (id: string) =>
  `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="admin" /></bpmn:extensionElements></bpmn:userTask>`;
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://huiliu/test">
  <bpmn:process id="unstructured-http" name="非块结构并行" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="P1" />
    ${task('a')}${task('b')}
    <bpmn:parallelGateway id="P2" />
    ${task('c')}${task('d')}
    <bpmn:parallelGateway id="J" />
    ${task('e')}
    <bpmn:endEvent id="endD" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="P1" />
    <bpmn:sequenceFlow id="f1" sourceRef="P1" targetRef="a" />
    <bpmn:sequenceFlow id="f2" sourceRef="P1" targetRef="b" />
    <bpmn:sequenceFlow id="f3" sourceRef="a" targetRef="P2" />
    <bpmn:sequenceFlow id="f4" sourceRef="P2" targetRef="c" />
    <bpmn:sequenceFlow id="f5" sourceRef="P2" targetRef="d" />
    <bpmn:sequenceFlow id="bJ" sourceRef="b" targetRef="J" />
    <bpmn:sequenceFlow id="cJ" sourceRef="c" targetRef="J" />
    <bpmn:sequenceFlow id="f6" sourceRef="d" targetRef="endD" />
    <bpmn:sequenceFlow id="f7" sourceRef="J" targetRef="e" />
    <bpmn:sequenceFlow id="f8" sourceRef="e" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(testDbKinds())('unstructured flows over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const res = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'unstructured-http.bpmn', content: XML }] },
    });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  const active = async (id: string) =>
    (
      (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as {
        activeElementIds: string[];
        status: string;
      }
    ).activeElementIds.sort();
  const complete = async (id: string, elementId: string) => {
    const list = (await (
      await server.request(`/api/tasks?scope=all&processInstanceId=${id}`, { as: 'admin' })
    ).json()) as { items: { id: string; elementId: string }[] };
    const t = list.items.find((x) => x.elementId === elementId);
    expect(t, `open task ${elementId}`).toBeDefined();
    const res = await server.request(`/api/tasks/${t?.id}/complete`, {
      method: 'POST',
      as: 'admin',
      json: { variables: {} },
    });
    expect(res.status).toBe(200);
  };

  it('given a join fed by two splits, when the tasks are completed over HTTP, then the join fires once with both tokens and the instance ends after the unjoined branch', async () => {
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'unstructured-http', variables: {} },
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    expect(await active(id)).toEqual(['a', 'b']);
    await complete(id, 'a');
    expect(await active(id)).toEqual(['b', 'c', 'd']);
    await complete(id, 'b');
    expect(await active(id)).toEqual(['c', 'd']);
    await complete(id, 'c');
    expect(await active(id)).toEqual(['d', 'e']);
    await complete(id, 'e');
    await complete(id, 'd');
    const done = (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as {
      status: string;
    };
    expect(done.status).toBe('completed');
  });
});
