/** @module 暂存 over HTTP (#17 item 5): per user and task or start form, only for what the caller may see or start, gone on completion. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const ACK = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="draft-ack" name="单位确认" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="ack" name="负责人确认">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="unit.leader" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ack" />
    <bpmn:sequenceFlow id="f2" sourceRef="ack" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(testDbKinds())('drafts over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const res = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'draft-ack.bpmn', content: ACK }] },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => server?.close());
  const call = async (path: string, init: RequestInit & { as: string; json?: unknown }) => {
    const res = await server.request(path, init);
    return { status: res.status, body: (await res.json()) as any };
  };

  it('keeps a start-form draft per user and process, refuses one for a process the user may not start, and drops it on start', async () => {
    // given no draft yet
    expect((await call('/api/drafts/start/draft-ack', { as: 'gaj.cataloguer' })).body).toEqual({
      draft: null,
    });
    // when the cataloguer saves one, twice
    await call('/api/drafts/start/draft-ack', {
      method: 'PUT',
      as: 'gaj.cataloguer',
      json: { data: { note: '初稿' } },
    });
    const saved = await call('/api/drafts/start/draft-ack', {
      method: 'PUT',
      as: 'gaj.cataloguer',
      json: { data: { note: '二稿' } },
    });
    expect(saved.status).toBe(200);
    // then it comes back as last saved, and nobody else sees it
    expect((await call('/api/drafts/start/draft-ack', { as: 'gaj.cataloguer' })).body.draft.data).toEqual({
      note: '二稿',
    });
    expect((await call('/api/drafts/start/draft-ack', { as: 'wjj.cataloguer' })).body).toEqual({
      draft: null,
    });
    // and a user who may not start the process cannot save one (in Chinese, nothing stored)
    const refused = await call('/api/drafts/start/draft-ack', {
      method: 'PUT',
      as: 'reviewer',
      json: { data: { x: 1 } },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/无权发起/);
    expect((await call('/api/drafts/start/draft-ack', { as: 'reviewer' })).body).toEqual({ draft: null });
    // and one opened from a catalog entry is kept apart from the plain one
    await call('/api/drafts/start/draft-ack:entry-1', {
      method: 'PUT',
      as: 'gaj.cataloguer',
      json: { data: { note: '条目' } },
    });
    expect(
      (await call('/api/drafts/start/draft-ack:entry-1', { as: 'gaj.cataloguer' })).body.draft.data,
    ).toEqual({ note: '条目' });
    // when the cataloguer starts the process, both drafts are gone
    const started = await call('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'draft-ack' },
    });
    expect(started.status).toBe(201);
    expect((await call('/api/drafts/start/draft-ack', { as: 'gaj.cataloguer' })).body).toEqual({
      draft: null,
    });
  });

  it('keeps a task draft for who can see the task only, and removes everyone’s drafts when the task completes', async () => {
    // given a task for 县公安局's leaders
    const started = await call('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'draft-ack' },
    });
    const tasks = await call(`/api/tasks?scope=all&processInstanceId=${started.body.id}`, {
      as: 'gaj.leader',
    });
    const taskId = tasks.body.items[0].id as string;
    // when the leader saves a half-written opinion
    const put = await call(`/api/drafts/task/${taskId}`, {
      method: 'PUT',
      as: 'gaj.leader',
      json: { data: { opinion: '原则同意，' } },
    });
    expect(put.status).toBe(200);
    expect(put.body.updatedAt).toMatch(/Z$/);
    // then it is there on the next open; another unit's leader may neither read nor write one (404, as the task)
    expect((await call(`/api/drafts/task/${taskId}`, { as: 'gaj.leader' })).body.draft.data).toEqual({
      opinion: '原则同意，',
    });
    expect((await call(`/api/drafts/task/${taskId}`, { as: 'wjj.leader' })).status).toBe(404);
    const foreign = await call(`/api/drafts/task/${taskId}`, {
      method: 'PUT',
      as: 'wjj.leader',
      json: { data: { opinion: 'x' } },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    // when the task is completed
    expect(
      (
        await server.request(`/api/tasks/${taskId}/complete`, {
          method: 'POST',
          as: 'gaj.leader',
          json: { variables: {} },
        })
      ).status,
    ).toBe(200);
    // then the draft is gone and a new one is refused with a clear Chinese 409
    expect((await call(`/api/drafts/task/${taskId}`, { as: 'gaj.leader' })).body).toEqual({ draft: null });
    const late = await call(`/api/drafts/task/${taskId}`, {
      method: 'PUT',
      as: 'gaj.leader',
      json: { data: { opinion: 'y' } },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/已办结/);
    expect((await call(`/api/drafts/task/${taskId}`, { as: 'gaj.leader' })).body).toEqual({ draft: null });
  });

  it('gives no draft of a task closed by another path (an instance cancelled), and forgets it', async () => {
    // given a draft on a task whose instance is then cancelled by an administrator
    const started = await call('/api/process-instances', {
      method: 'POST',
      as: 'gaj.cataloguer',
      json: { processKey: 'draft-ack' },
    });
    const tasks = await call(`/api/tasks?scope=all&processInstanceId=${started.body.id}`, {
      as: 'gaj.leader',
    });
    const taskId = tasks.body.items[0].id as string;
    await call(`/api/drafts/task/${taskId}`, {
      method: 'PUT',
      as: 'gaj.leader',
      json: { data: { opinion: '写了一半' } },
    });
    const cancelled = await server.request(`/api/process-instances/${started.body.id}/cancel`, {
      method: 'POST',
      as: 'admin',
      json: { reason: '测试' },
    });
    expect(cancelled.status).toBeLessThan(300);
    // then the draft does not come back, and is gone from the table
    expect((await call(`/api/drafts/task/${taskId}`, { as: 'gaj.leader' })).body).toEqual({ draft: null });
    const rows = await server.deps.db.execute(
      sql`select count(*)::int as n from form_drafts where ref = ${taskId}`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
  });

  it('discards a draft on DELETE, and a malformed kind is a 400', async () => {
    await call('/api/drafts/start/draft-ack', {
      method: 'PUT',
      as: 'rsj.cataloguer',
      json: { data: { a: 1 } },
    });
    expect(
      (await call('/api/drafts/start/draft-ack', { method: 'DELETE', as: 'rsj.cataloguer' })).body,
    ).toEqual({ removed: true });
    expect((await call('/api/drafts/start/draft-ack', { as: 'rsj.cataloguer' })).body).toEqual({
      draft: null,
    });
    expect((await server.request('/api/drafts/other/x', { as: 'rsj.cataloguer' })).status).toBe(400);
  });
});
