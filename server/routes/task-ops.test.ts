/**
 * @module Approval operations over HTTP on both databases (docs/api.md "Approval operations (审批操作)"): complete with
 * an opinion, 转办, 委派/交还, 催办, 抄送 (by hand and by the diagram's `cc` header), 已办/我发起的/counts, 批量审批,
 * field access per step; each refusal the issue lists is a clear Chinese 4xx that changes nothing; two acts on one
 * task at once: exactly one wins.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../identity/schema';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const ACCESS = JSON.stringify({ secret: 'hidden', code: 'read' }).replace(/"/g, '&quot;');
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="ops-test" name="审批操作" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="unitReview" name="单位审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="unit.leader" />
        <zeebe:taskSchedule dueDate="=workday(now(), 3)" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="deptReview" name="主管部门审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="authority.reviewer" /><zeebe:formDefinition formId="ops-review" />
        <zeebe:taskHeaders><zeebe:header key="cc" value="=[&quot;supervisor&quot;, &quot;unit.leader@&quot; + unit]" /><zeebe:header key="fieldAccess" value="${ACCESS}" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="unitReview" />
    <bpmn:sequenceFlow id="f2" sourceRef="unitReview" targetRef="deptReview" />
    <bpmn:sequenceFlow id="f3" sourceRef="deptReview" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(testDbKinds())('approval operations over HTTP on %s', (kind) => {
  let server: TestServer;
  const call = async (path: string, as: string, json?: unknown) => {
    const res = await server.request(path, { as, ...(json !== undefined ? { method: 'POST', json } : {}) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const history = async (instanceId: string) =>
    (await call(`/api/process-instances/${instanceId}/history`, 'supervisor')).body as any[];
  const start = async (variables: Record<string, unknown> = {}) => {
    const started = await call('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'ops-test',
      variables: { unit: 'wjj', code: 'A-1', secret: 's3', ...variables },
    });
    expect(started.status).toBe(201);
    return started.body.id as string;
  };
  const openTask = async (instanceId: string, as: string) => {
    const page = await call(`/api/tasks?scope=all&processInstanceId=${instanceId}`, as);
    expect(page.body.items).toHaveLength(1);
    return page.body.items[0];
  };

  beforeAll(async () => {
    server = await createTestServer(kind);
    // 主管部门审核's form requires the field its step hides: the kept value must satisfy it on completion.
    const form = await call('/api/forms', 'admin', {
      key: 'ops-review',
      title: '主管部门审核',
      schema: {
        type: 'object',
        required: ['code', 'secret'],
        properties: {
          code: { type: 'string', title: '代码' },
          secret: { type: 'string', title: '内部意见' },
          note: { type: 'string', title: '备注' },
        },
      },
      uiSchema: {},
    });
    expect(form.status).toBe(201);
    const deployed = await call('/api/deployments', 'admin', {
      resources: [{ name: 'ops-test.bpmn', content: XML }],
    });
    expect(deployed.status).toBe(201);
  });
  afterAll(() => server?.close());

  it('completes with an opinion on task.completed; 已办 lists it newest first; 我发起的 and the counts follow', async () => {
    // given two instances whose first step the unit leader completes with opinions
    const first = await start();
    const second = await start();
    const before = (await call('/api/tasks/counts', 'gaj.leader')).body;
    for (const [id, comment] of [
      [first, '同意，材料齐全'],
      [second, '同意'],
    ]) {
      const task = await openTask(id, 'gaj.leader');
      const done = await call(`/api/tasks/${task.id}/complete`, 'gaj.leader', { variables: {}, comment });
      expect(done.status).toBe(200);
    }
    // then the opinion is on the completion event with who and when
    const completed = (await history(first)).find(
      (e) => e.type === 'task.completed' && e.elementId === 'unitReview',
    );
    expect(completed).toMatchObject({ actor: 'gaj.leader', data: { comment: '同意，材料齐全' } });
    expect(completed.at).toBeTruthy();
    // and 已办 has both, the later completion first
    const done = (await call('/api/tasks?scope=done', 'gaj.leader')).body;
    expect(done.items.slice(0, 2).map((t: any) => t.processInstanceId)).toEqual([second, first]);
    expect(done.items.every((t: any) => t.completedBy === 'gaj.leader')).toBe(true);
    const after = (await call('/api/tasks/counts', 'gaj.leader')).body;
    expect(after.done).toBe(before.done + 2);
    // 待办 counts what the leader may act on: the two unclaimed 单位审核 tasks are gone from it
    expect(after.todo).toBe(before.todo - 2);
    // and 我发起的 is the starter's instances only
    const mine = (await call('/api/process-instances?startedBy=me&processKey=ops-test', 'gaj.cataloguer'))
      .body;
    expect(mine.items.map((i: any) => i.id)).toEqual(expect.arrayContaining([first, second]));
    expect(
      (await call('/api/process-instances?startedBy=me&processKey=ops-test', 'gaj.leader')).body.items,
    ).toHaveLength(0);
    expect((await call('/api/tasks/counts', 'gaj.cataloguer')).body.started).toBeGreaterThanOrEqual(2);
  });

  it('转办 refuses an unknown, a disabled or an out-of-unit person (422) and changes nothing; then hands the task over with its due date', async () => {
    const id = await start();
    const task = await openTask(id, 'gaj.leader');
    await server.deps.db.update(users).set({ active: false }).where(eq(users.username, 'rsj.feedback'));
    for (const to of ['nobody.here', 'rsj.feedback', 'wjj.leader']) {
      const refused = await call(`/api/tasks/${task.id}/transfer`, 'gaj.leader', { to, comment: '请处理' });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await call(`/api/tasks/${task.id}`, 'gaj.leader')).body.assignee).toBeUndefined();
    expect((await history(id)).some((e) => e.type === 'task.transferred')).toBe(false);
    // someone who may not hold it may not hand it on either
    expect((await call(`/api/tasks/${task.id}/transfer`, 'wjj.leader', { to: 'gaj.rectifier' })).status).toBe(
      404,
    );

    const moved = await call(`/api/tasks/${task.id}/transfer`, 'gaj.leader', {
      to: 'gaj.rectifier',
      comment: '请代为审核',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ assignee: 'gaj.rectifier', dueAt: task.dueAt });
    expect((await history(id)).find((e) => e.type === 'task.transferred')).toMatchObject({
      actor: 'gaj.leader',
      data: { to: 'gaj.rectifier', comment: '请代为审核' },
    });
    const notes = (await call('/api/notifications', 'gaj.rectifier')).body.items;
    expect(notes.some((n: any) => n.kind === 'transfer' && n.link === `/tasks/${task.id}`)).toBe(true);
    // and the starter learns who handles the request now, on the instance's page, by name and unit (#17)
    const starterNotes = (await call('/api/notifications', 'gaj.cataloguer')).body.items;
    expect(
      starterNotes.some(
        (n: any) =>
          n.kind === 'transfer' &&
          n.link === `/instances/${id}` &&
          n.title.includes('改由 郑整改（县公安局） 办理'),
      ),
    ).toBe(true);
    // the former holder (still a candidate, so still seeing it) can no longer complete it; the new one can
    expect((await call(`/api/tasks/${task.id}/complete`, 'gaj.leader', { variables: {} })).status).toBe(403);
    expect((await call(`/api/tasks/${task.id}/complete`, 'gaj.rectifier', { variables: {} })).status).toBe(
      200,
    );
  });

  it('委派 to oneself is refused; the delegate cannot complete, only resolve; the owner then completes', async () => {
    const id = await start();
    const task = await openTask(id, 'gaj.leader');
    const self = await call(`/api/tasks/${task.id}/delegate`, 'gaj.leader', { to: 'gaj.leader' });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toContain('不能委派给自己');
    const delegated = await call(`/api/tasks/${task.id}/delegate`, 'gaj.leader', {
      to: 'gaj.rectifier',
      comment: '请先核对',
    });
    expect(delegated.status).toBe(200);
    expect(delegated.body).toMatchObject({ assignee: 'gaj.rectifier', owner: 'gaj.leader' });
    // the delegate's notice names the delegator by name and unit, not by login name (#17)
    const delegateNotes = (await call('/api/notifications', 'gaj.rectifier')).body.items;
    expect(
      delegateNotes.some(
        (n: any) => n.kind === 'delegate' && n.title.startsWith('委派：吴局长（县公安局） 请您办理'),
      ),
    ).toBe(true);
    expect((await call(`/api/tasks/${task.id}/complete`, 'gaj.rectifier', { variables: {} })).status).toBe(
      409,
    );
    // while delegated it is neither transferred nor delegated again, by the delegate or the owner
    const moved = await call(`/api/tasks/${task.id}/transfer`, 'gaj.rectifier', { to: 'gaj.cataloguer' });
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toContain('委派中');
    expect(
      (await call(`/api/tasks/${task.id}/delegate`, 'gaj.leader', { to: 'gaj.cataloguer' })).status,
    ).toBe(403);
    expect((await call(`/api/tasks/${task.id}/resolve`, 'gaj.leader', {})).status).toBe(403);
    const resolved = await call(`/api/tasks/${task.id}/resolve`, 'gaj.rectifier', {
      variables: { checked: true },
      comment: '已核对',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.assignee).toBe('gaj.leader');
    expect(resolved.body.owner).toBeUndefined();
    expect((await call(`/api/tasks/${task.id}`, 'gaj.leader')).body.variables.checked).toBe(true);
    const notes = (await call('/api/notifications', 'gaj.leader')).body.items;
    expect(notes.some((n: any) => n.kind === 'resolve')).toBe(true);
    const types = (await history(id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['task.delegated', 'task.resolved']));
    const notDelegated = await call(`/api/tasks/${task.id}/resolve`, 'gaj.leader', {});
    expect(notDelegated.status).toBe(409);
    expect(notDelegated.body.error.message).toContain('不在委派中');
    expect(
      (await call(`/api/tasks/${task.id}/complete`, 'gaj.leader', { variables: {}, comment: '同意' })).status,
    ).toBe(200);
  });

  it('催办 by the starter notifies the candidates; again within the hour is 429; others may not', async () => {
    const id = await start();
    const task = await openTask(id, 'gaj.leader');
    // the starter, who does not see the task in an inbox, finds it as the instance's open step
    const open = (await call(`/api/process-instances/${id}/open-tasks`, 'gaj.cataloguer')).body.items;
    expect(open.map((t: any) => t.id)).toEqual([task.id]);
    expect((await call(`/api/process-instances/${id}/open-tasks`, 'wjj.leader')).status).toBe(404);
    expect((await call(`/api/tasks/${task.id}/urge`, 'gaj.rectifier', {})).status).toBe(403);
    const urged = await call(`/api/tasks/${task.id}/urge`, 'gaj.cataloguer', { comment: '请尽快审核' });
    expect(urged.status).toBe(200);
    const notes = (await call('/api/notifications', 'gaj.leader')).body.items;
    expect(notes.some((n: any) => n.kind === 'urge' && n.link === `/tasks/${task.id}`)).toBe(true);
    const again = await call(`/api/tasks/${task.id}/urge`, 'gaj.cataloguer', {});
    expect(again.status).toBe(429);
    expect(again.body.error.message).toContain('一小时内');
    expect((await history(id)).filter((e) => e.type === 'task.urged')).toHaveLength(1);
    // an hour later it may be urged again (supervisors too)
    await server.request('/api/test/clock', {
      method: 'PUT',
      as: 'admin',
      json: { now: new Date(Date.now() + 61 * 60_000).toISOString() },
    });
    expect((await call(`/api/tasks/${task.id}/urge`, 'supervisor', {})).status).toBe(200);
  });

  it('催办 of a task that does not exist: 404 saying so in Chinese, without echoing the id back', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const ref of [missing, 'not-a-uuid']) {
      const res = await call(`/api/tasks/${ref}/urge`, 'gaj.cataloguer', {});
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: '任务不存在' });
      expect(JSON.stringify(res.body)).not.toContain(ref);
    }
  });

  it('抄送 by hand and by the diagram: 抄送我的 with an unread mark, the instance readable, marked read; unknown names 422', async () => {
    const id = await start();
    const first = await openTask(id, 'gaj.leader');
    const unknown = await call(`/api/tasks/${first.id}/cc`, 'gaj.leader', {
      usernames: ['wjj.leader', 'nobody.here'],
    });
    expect(unknown.status).toBe(422);
    expect(
      (await call('/api/cc?unread=true', 'wjj.leader')).body.items.filter((c: any) => c.instanceId === id),
    ).toHaveLength(0);
    expect((await call(`/api/process-instances/${id}`, 'wjj.leader')).status).toBe(404);

    const copied = await call(`/api/tasks/${first.id}/cc`, 'gaj.leader', {
      usernames: ['wjj.leader'],
      comment: '请知悉',
    });
    expect(copied.body).toEqual({ copied: ['wjj.leader'] });
    const inbox = (await call('/api/cc?unread=true', 'wjj.leader')).body;
    const copy = inbox.items.find((c: any) => c.instanceId === id);
    expect(copy).toMatchObject({
      taskName: '单位审核',
      copiedBy: 'gaj.leader',
      comment: '请知悉',
      readAt: null,
    });
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    expect((await call(`/api/process-instances/${id}`, 'wjj.leader')).status).toBe(200);
    expect((await call('/api/tasks/counts', 'wjj.leader')).body.ccUnread).toBe(inbox.unread);
    expect((await call('/api/cc/read', 'wjj.leader', { ids: [copy.id] })).body.updated).toBe(1);
    expect(
      (await call('/api/cc?unread=true', 'wjj.leader')).body.items.some((c: any) => c.id === copy.id),
    ).toBe(false);
    expect((await history(id)).find((e) => e.type === 'task.cc')).toMatchObject({
      actor: 'gaj.leader',
      data: { usernames: ['wjj.leader'], comment: '请知悉' },
    });

    // the diagram copies 主管部门审核 to the supervisor and to the leader of the unit the variables name
    await call(`/api/tasks/${first.id}/complete`, 'gaj.leader', { variables: {} });
    const second = await openTask(id, 'reviewer');
    expect(
      (await call(`/api/tasks/${second.id}/complete`, 'reviewer', { variables: { code: 'A-1' } })).status,
    ).toBe(200);
    for (const who of ['supervisor', 'wjj.leader'])
      expect(
        (await call('/api/cc', who)).body.items.some(
          (c: any) => c.taskId === second.id && c.copiedBy === null,
        ),
      ).toBe(true);
  });

  it('field access: hidden fields are not shown; a change to a read field is 422 and changes nothing; kept values survive', async () => {
    const id = await start({ code: 'B-2', secret: 'top' });
    const first = await openTask(id, 'gaj.leader');
    // the first step has no fieldAccess header: everything shown
    expect((await call(`/api/tasks/${first.id}`, 'gaj.leader')).body.variables.secret).toBe('top');
    // a completer whose step hides nothing gets every field back
    const shownDone = await call(`/api/tasks/${first.id}/complete`, 'gaj.leader', { variables: {} });
    expect(shownDone.body.instance.variables.secret).toBe('top');
    const task = await openTask(id, 'reviewer');
    const read = (await call(`/api/tasks/${task.id}`, 'reviewer')).body;
    expect(read.variables).not.toHaveProperty('secret');
    expect(read.variables.code).toBe('B-2');
    // the form as this step shows it: no hidden field (nor its requirement), the read field read-only, prefilled
    expect(Object.keys(read.form.schema.properties)).toEqual(['code', 'note']);
    expect(read.form.schema.required).toEqual(['code']);
    expect(read.form.uiSchema).toMatchObject({ code: { 'ui:readonly': true } });
    expect(read.form.uiSchema['ui:order'] ?? []).not.toContain('secret');
    expect(read.formData).toEqual({ code: 'B-2' });
    const changed = await call(`/api/tasks/${task.id}/complete`, 'reviewer', {
      variables: { code: 'X-9', note: 'n' },
    });
    expect(changed.status).toBe(422);
    expect(changed.body.error.details).toEqual([{ path: 'code', message: '该字段在本环节只读' }]);
    expect((await call(`/api/tasks/${task.id}`, 'reviewer')).body.status).toBe('open');
    const peek = await call(`/api/tasks/${task.id}/complete`, 'reviewer', { variables: { secret: 'guess' } });
    expect(peek.status).toBe(422);
    const ok = await call(`/api/tasks/${task.id}/complete`, 'reviewer', {
      variables: { code: 'B-2', note: 'n' },
    });
    expect(ok.status).toBe(200);
    // the completer whose step hides `secret` does not get it back in the answer (approvals/reader-fields.ts)...
    expect(ok.body.instance.variables).toMatchObject({ code: 'B-2', note: 'n' });
    expect(ok.body.instance.variables).not.toHaveProperty('secret');
    // ...yet it was kept: someone whose step shows it reads it
    const kept = await call(`/api/process-instances/${id}`, 'gaj.leader');
    expect(kept.status).toBe(200);
    expect(kept.body.variables).toMatchObject({ code: 'B-2', secret: 'top', note: 'n' });
  });

  it('委派 on a step with field access: the delegate may not change a read field either (422), nor see a hidden one', async () => {
    const id = await start({ code: 'C-3', secret: 'top' });
    await call(`/api/tasks/${(await openTask(id, 'gaj.leader')).id}/complete`, 'gaj.leader', {
      variables: {},
    });
    const task = await openTask(id, 'reviewer');
    expect((await call(`/api/tasks/${task.id}/delegate`, 'reviewer', { to: 'governance' })).status).toBe(200);
    expect((await call(`/api/tasks/${task.id}`, 'governance')).body.variables).not.toHaveProperty('secret');
    const changed = await call(`/api/tasks/${task.id}/resolve`, 'governance', { variables: { code: 'X' } });
    expect(changed.status).toBe(422);
    expect((await call(`/api/tasks/${task.id}`, 'governance')).body).toMatchObject({
      assignee: 'governance',
      owner: 'reviewer',
    });
    expect(
      (await call(`/api/tasks/${task.id}/resolve`, 'governance', { variables: { note: '已核' } })).status,
    ).toBe(200);
  });

  it('批量审批: three tasks complete with one opinion; a task the caller may not complete fails alone', async () => {
    const ids = [await start(), await start(), await start()];
    const tasks = await Promise.all(ids.map((id) => openTask(id, 'gaj.leader')));
    const foreign = await openTask(await start(), 'gaj.leader');
    await call(`/api/tasks/${foreign.id}/transfer`, 'gaj.leader', { to: 'gaj.rectifier' });
    const batch = await call('/api/tasks/complete-batch', 'gaj.leader', {
      taskIds: [tasks[0].id, foreign.id, tasks[1].id, tasks[2].id],
      variables: {},
      comment: '批量同意',
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r: any) => r.status)).toEqual([
      'completed',
      'failed',
      'completed',
      'completed',
    ]);
    expect(batch.body.results[1].error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await call(`/api/tasks/${foreign.id}`, 'gaj.rectifier')).body.status).toBe('open');
    for (const id of ids)
      expect((await history(id)).find((e) => e.type === 'task.completed')).toMatchObject({
        data: { comment: '批量同意' },
      });
  });

  it('two people acting on one task at once: exactly one succeeds', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await start();
      const task = await openTask(id, 'gaj.leader');
      const [a, b] = await Promise.all([
        call(`/api/tasks/${task.id}/transfer`, 'gaj.leader', { to: 'gaj.rectifier' }),
        call(`/api/tasks/${task.id}/complete`, 'gaj.leader', { variables: {} }),
      ]);
      expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
      const after = (await call(`/api/tasks/${task.id}`, 'gaj.leader')).body;
      if (a.status === 200) expect(after).toMatchObject({ status: 'open', assignee: 'gaj.rectifier' });
      else expect(after.status).toBe('completed');
    }
  });

  it('the people picker lists enabled colleagues by unit and role', async () => {
    const found = (await call('/api/users?unitId=gaj&role=unit.leader', 'wjj.cataloguer')).body.items;
    expect(found.map((u: any) => u.username)).toEqual(['gaj.leader']);
    expect(found[0]).toMatchObject({ unitId: 'gaj', unitName: '县公安局', roles: ['unit.leader'] });
  });
});
