/** @module One process instance over HTTP: its open incidents beside the instance, for the diagram to mark red. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

/** A gateway with no default flow: a `decision` no condition matches holds the instance in an incident. */
const ROUTE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="route-it" name="分流" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:exclusiveGateway id="decide" />
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
</bpmn:definitions>`;

describe.each(testDbKinds())('process instances over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const res = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'route-it.bpmn', content: ROUTE }] },
    });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  const start = async (decision: string) => {
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'route-it', variables: { decision } },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it('lists the open incident of an instance stuck at a gateway, and none for one that went through', async () => {
    // given one instance no flow matches and one that ends
    const stuck = await start('c');
    const done = await start('a');
    // when each is read
    const res = await server.request(`/api/process-instances/${stuck}`, { as: 'supervisor' });
    const body = (await res.json()) as any;
    // then the stuck one carries its incident at the gateway, every existing field unchanged
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ id: stuck, status: 'incident', activeElementIds: ['decide'] });
    expect(body.incidents).toHaveLength(1);
    expect(body.incidents[0]).toMatchObject({
      elementId: 'decide',
      type: expect.any(String),
      message: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(body.incidents[0].createdAt))).toBe(false);
    const ok = (await (
      await server.request(`/api/process-instances/${done}`, { as: 'supervisor' })
    ).json()) as any;
    expect(ok).toMatchObject({ status: 'completed', incidents: [] });
  });
});
