/**
 * @module `GET /api/people` names only the people the caller's screens can show them (people-scope.ts), over HTTP on
 * both databases: one's own unit, the authority's county-wide staff, and whoever is on an instance one may see;
 * county-wide callers anyone. Any other name reads as unknown (left out), as a name that does not exist does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="people-scope" name="人员范围" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="unitReview" name="单位审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="unit.leader" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="unitReview" />
    <bpmn:sequenceFlow id="f2" sourceRef="unitReview" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(testDbKinds())('GET /api/people, narrowed to whom the caller may be shown, on %s', (kind) => {
  let server: TestServer;
  const call = async (path: string, as: string, json?: unknown) => {
    const res = await server.request(path, { as, ...(json !== undefined ? { method: 'POST', json } : {}) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const ASKED = ['gaj.cataloguer', 'gaj.leader', 'wjj.cataloguer', 'reviewer', 'no.such.person'];
  const namesFor = async (as: string) => {
    const r = await call(`/api/people?usernames=${ASKED.join(',')}`, as);
    expect(r.status).toBe(200);
    return (r.body.items as { username: string }[]).map((p) => p.username).sort();
  };

  beforeAll(async () => {
    server = await createTestServer(kind);
    expect(
      (await call('/api/deployments', 'admin', { resources: [{ name: 'ps.bpmn', content: XML }] })).status,
    ).toBe(201);
  }, 120_000);
  afterAll(() => server?.close());

  it('given no instance in common, when a unit leader asks, then only their unit and the county-wide staff are named', async () => {
    expect(await namesFor('wjj.leader')).toEqual(['reviewer', 'wjj.cataloguer']);
    // a county-wide caller sees every unit's work: anyone who exists
    expect(await namesFor('supervisor')).toEqual([
      'gaj.cataloguer',
      'gaj.leader',
      'reviewer',
      'wjj.cataloguer',
    ]);
  });

  it('given a task of 县公安局 copied to 卫健委’s leader, when they ask, then its starter and who copied it are named to them, to no one else', async () => {
    const started = await call('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'people-scope',
      variables: {},
    });
    expect(started.status).toBe(201);
    const tasks = await call(`/api/tasks?scope=all&processInstanceId=${started.body.id}`, 'gaj.leader');
    const copied = await call(`/api/tasks/${tasks.body.items[0].id}/cc`, 'gaj.leader', {
      usernames: ['wjj.leader'],
    });
    expect(copied.status).toBe(200);
    expect(await namesFor('wjj.leader')).toEqual([
      'gaj.cataloguer',
      'gaj.leader',
      'reviewer',
      'wjj.cataloguer',
    ]);
    expect(await namesFor('rsj.leader')).toEqual(['reviewer']);
  });
});
