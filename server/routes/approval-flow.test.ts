/**
 * @module 退回, 撤回, 撤销 over HTTP on both databases: on the shipped catalog registration (the reviewer returns to
 * the unit leader or to the cataloguer's start form; the cataloguer withdraws and revokes) and on a diagram with a
 * parallel block, a subprocess and a multi-instance task; every refusal a 4xx in Chinese that changes nothing; two
 * acts racing on one task: exactly one wins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { entryFields, type HttpScenario, openHttpScenario } from '../testing/scenario-http';

const task = (id: string, name: string, extra = '') =>
  `<bpmn:userTask id="${id}" name="${name}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="authority.admin" /></bpmn:extensionElements>${extra}</bpmn:userTask>`;
const FLOW = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="flow-ops" name="审批操作" isExecutable="true">
    <bpmn:startEvent id="start" />${task('first', '初审')}<bpmn:parallelGateway id="split" />${task('a1', '甲')}${task('a2', '乙')}${task('b1', '丙')}<bpmn:parallelGateway id="join" />
    <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart" />${task('s1', '复核')}<bpmn:endEvent id="subEnd" /><bpmn:sequenceFlow id="sf1" sourceRef="subStart" targetRef="s1" /><bpmn:sequenceFlow id="sf2" sourceRef="s1" targetRef="subEnd" /></bpmn:subProcess>
    ${task('sign', '会签', '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" inputElement="n" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="m1" sourceRef="start" targetRef="first" /><bpmn:sequenceFlow id="m2" sourceRef="first" targetRef="split" />
    <bpmn:sequenceFlow id="m3" sourceRef="split" targetRef="a1" /><bpmn:sequenceFlow id="m4" sourceRef="a1" targetRef="a2" /><bpmn:sequenceFlow id="m5" sourceRef="a2" targetRef="join" />
    <bpmn:sequenceFlow id="m6" sourceRef="split" targetRef="b1" /><bpmn:sequenceFlow id="m7" sourceRef="b1" targetRef="join" />
    <bpmn:sequenceFlow id="m8" sourceRef="join" targetRef="sub" /><bpmn:sequenceFlow id="m9" sourceRef="sub" targetRef="sign" /><bpmn:sequenceFlow id="m10" sourceRef="sign" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A start form, then at once a parallel block: a multi-instance task in one branch, a subprocess in the other. */
const WITHDRAW = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="withdraw-ops" name="撤回" isExecutable="true">
    <bpmn:startEvent id="apply" name="申请"><bpmn:extensionElements><zeebe:formDefinition formId="wd-apply" /></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:parallelGateway id="split" />
    ${task('each', '逐项', '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" inputElement="n" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>')}
    <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart" />${task('s1', '复核')}<bpmn:endEvent id="subEnd" /><bpmn:sequenceFlow id="sf1" sourceRef="subStart" targetRef="s1" /><bpmn:sequenceFlow id="sf2" sourceRef="s1" targetRef="subEnd" /></bpmn:subProcess>
    <bpmn:parallelGateway id="join" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="w1" sourceRef="apply" targetRef="split" />
    <bpmn:sequenceFlow id="w2" sourceRef="split" targetRef="each" /><bpmn:sequenceFlow id="w3" sourceRef="each" targetRef="join" />
    <bpmn:sequenceFlow id="w4" sourceRef="split" targetRef="sub" /><bpmn:sequenceFlow id="w5" sourceRef="sub" targetRef="join" />
    <bpmn:sequenceFlow id="w6" sourceRef="join" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
const WD_FORM = JSON.stringify({
  key: 'wd-apply',
  title: '申请',
  schema: { type: 'object', required: ['title'], properties: { title: { type: 'string', title: '标题' } } },
});

describe.each(testDbKinds())('approval flow operations over HTTP on %s', (kind) => {
  let s: HttpScenario;
  let code = 8100;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
    const r = await s.post('/api/deployments', 'admin', {
      resources: [
        { name: 'flow-ops.bpmn', content: FLOW },
        { name: 'withdraw-ops.bpmn', content: WITHDRAW },
        { name: 'wd-apply.form.json', content: WD_FORM },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }, 120_000);
  afterAll(() => s?.close());

  const register = async () => {
    await s.setClock('2026-03-02T09:00:00+08:00');
    const fields = entryFields(`XC-GAJ-${code++}`);
    const id = await s.start('catalog-registration', 'gaj.cataloguer', fields);
    return { id, fields };
  };
  const atReview = async () => {
    const r = await register();
    await s.complete(r.id, 'unit-approval', 'gaj.leader', { decision: 'approve', comment: '同意' });
    return r;
  };
  const returnTo = async (taskId: string, as: string, toElementId: string, comment = '请补充') =>
    s.post(`/api/tasks/${taskId}/return`, as, { toElementId, comment });
  const openIds = async (id: string) => (await s.openTasks(id, 'admin')).map((t) => t.elementId).sort();
  /** The registration's active steps (its tasks are the unit's and the reviewer's, which admin does not see). */
  const activeOf = async (id: string) => ((await s.instance(id)).activeElementIds as string[]).sort();

  describe('on the shipped catalog registration', () => {
    it('lets the reviewer return to the unit leader, who sees it with the opinion; the review comes back with a fresh due date', async () => {
      const { id } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      const targets = await s.get(`/api/tasks/${review.id}/return-targets`, 'reviewer');
      expect(targets.body).toEqual([
        { elementId: 'start-entry', name: '填报目录', lastAssignee: 'gaj.cataloguer' },
        { elementId: 'unit-approval', name: '单位审核', lastAssignee: 'gaj.leader' },
      ]);
      await s.setClock('2026-03-04T09:00:00+08:00');
      const r = await returnTo(review.id, 'reviewer', 'unit-approval', '共享条件需细化');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.openedTasks).toEqual([expect.objectContaining({ elementId: 'unit-approval' })]);
      const again = await s.openTask(id, 'unit-approval', 'gaj.leader');
      expect(again.assignee).toBe('gaj.leader');
      const told = (await s.get('/api/notifications', 'gaj.leader')).body.items;
      // (the notification area may add what the instance is about after the act)
      expect(
        told.some(
          (n: any) => n.instanceId === id && n.title.startsWith('退回：「单位审核」已退回给您重新办理'),
        ),
      ).toBe(true);
      expect((await s.openTasks(id, 'reviewer')).map((t) => t.elementId)).toEqual([]);
      const returned = (await s.history(id)).find((h) => h.type === 'task.returned');
      expect(returned).toMatchObject({
        elementId: 'authority-review',
        actor: 'reviewer',
        data: { comment: '共享条件需细化', from: 'authority-review', toElementId: 'unit-approval' },
      });
      // and the approval record (审批记录) reads it as 退回 at 主管部门审核 to 单位审核, with the opinion
      const record = (await s.get(`/api/process-instances/${id}/record`, 'gaj.leader')).body.lines;
      expect(record.find((l: any) => l.kind === 'return')).toMatchObject({
        action: '退回',
        step: '主管部门审核',
        opinion: '共享条件需细化',
        actor: 'reviewer',
      });
      expect(JSON.stringify(record.find((l: any) => l.kind === 'return'))).toContain('单位审核');
      // the leader approves again and the review is back with the reviewer
      await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
      expect(await activeOf(id)).toEqual(['authority-review']);
      // 5 working days from Wednesday 3-4, not from the first review's Monday
      expect((await s.openTask(id, 'authority-review', 'reviewer')).dueAt).toBe('2026-03-11T15:59:59.000Z');
    });

    it('lets the reviewer return to the cataloguer: the start form reopens for them, prefilled, and resubmitting goes on', async () => {
      const { id, fields } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      expect((await returnTo(review.id, 'reviewer', 'start-entry')).status).toBe(200);
      const entry = await s.openTask(id, 'start-entry', 'gaj.cataloguer');
      expect(entry).toMatchObject({ assignee: 'gaj.cataloguer', name: '填报目录' });
      const detail = await s.get(`/api/tasks/${entry.id}`, 'gaj.cataloguer');
      expect(detail.body.form.key).toBe('catalog-entry');
      expect(detail.body.formData).toMatchObject({ resourceCode: fields.resourceCode });
      // the start step has nothing before it to return to
      expect((await s.get(`/api/tasks/${entry.id}/return-targets`, 'gaj.cataloguer')).body).toEqual([]);
      expect((await returnTo(entry.id, 'gaj.cataloguer', 'unit-approval')).status).toBe(409);
      await s.complete(id, 'start-entry', 'gaj.cataloguer', { ...fields, resourceName: '改过的名称' });
      expect(await activeOf(id)).toEqual(['unit-approval']);
      expect((await s.instance(id)).variables.resourceName).toBe('改过的名称');
    });

    it('refuses a return to a step that never ran, and by someone who does not hold the task, changing nothing', async () => {
      const { id } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      const never = await returnTo(review.id, 'reviewer', 'revise');
      expect(never.status).toBe(409);
      expect(never.body.error.message).toMatch(/尚未办理过/);
      expect([403, 404]).toContain((await returnTo(review.id, 'gaj.leader', 'unit-approval')).status);
      expect(
        (await s.post(`/api/tasks/${review.id}/return`, 'reviewer', { toElementId: 'unit-approval' })).status,
      ).toBe(400);
      expect(await activeOf(id)).toEqual(['authority-review']);
      expect((await s.history(id)).some((h) => h.type === 'task.returned')).toBe(false);
    });

    it('lets the starter withdraw before anyone acted (the start form reopens), and refuses after the leader acted', async () => {
      const { id } = await register();
      expect((await s.post(`/api/process-instances/${id}/withdraw`, 'gaj.leader', {})).status).toBe(403);
      const w = await s.post(`/api/process-instances/${id}/withdraw`, 'gaj.cataloguer', {
        comment: '填错了',
      });
      expect(w.status, JSON.stringify(w.body)).toBe(200);
      expect(await activeOf(id)).toEqual(['start-entry']);
      expect((await s.history(id)).find((h) => h.type === 'instance.withdrawn')).toMatchObject({
        actor: 'gaj.cataloguer',
        data: { comment: '填错了' },
      });
      expect((await s.post(`/api/process-instances/${id}/withdraw`, 'gaj.cataloguer', {})).status).toBe(409);
      // resubmitted, then the leader acts: too late to withdraw
      const entry = await s.openTask(id, 'start-entry', 'gaj.cataloguer');
      const detail = await s.get(`/api/tasks/${entry.id}`, 'gaj.cataloguer');
      await s.complete(id, 'start-entry', 'gaj.cataloguer', detail.body.formData);
      await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
      const late = await s.post(`/api/process-instances/${id}/withdraw`, 'gaj.cataloguer', {});
      expect(late.status).toBe(409);
      expect(late.body.error.message).toMatch(/已有人办理/);
      expect(await activeOf(id)).toEqual(['authority-review']);
    });

    it('lets exactly one of the starter withdrawing and the leader approving at once win', async () => {
      const { id } = await register();
      const approval = await s.openTask(id, 'unit-approval', 'gaj.leader');
      const [w, a] = await Promise.all([
        s.post(`/api/process-instances/${id}/withdraw`, 'gaj.cataloguer', {}),
        s.post(`/api/tasks/${approval.id}/complete`, 'gaj.leader', { variables: { decision: 'approve' } }),
      ]);
      expect([w.status, a.status].sort()).toEqual([200, 409]);
      await s.settle();
      expect(await activeOf(id)).toEqual(w.status === 200 ? ['start-entry'] : ['authority-review']);
    });

    it('lets the starter revoke (撤销) with a reason, and nobody else', async () => {
      const { id } = await register();
      expect(
        (await s.post(`/api/process-instances/${id}/revoke`, 'gaj.leader', { reason: '不要了' })).status,
      ).toBe(403);
      expect((await s.post(`/api/process-instances/${id}/revoke`, 'gaj.cataloguer', {})).status).toBe(400);
      const r = await s.post(`/api/process-instances/${id}/revoke`, 'gaj.cataloguer', { reason: '重复提交' });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('cancelled');
      expect((await s.history(id)).some((h) => h.type === 'instance.cancelled')).toBe(true);
      expect(
        (await s.post(`/api/process-instances/${id}/revoke`, 'gaj.cataloguer', { reason: '再来' })).status,
      ).toBe(409);
    });

    it('lets exactly one of a completion and a return racing on one task win', async () => {
      const { id } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      const [a, b] = await Promise.all([
        s.post(`/api/tasks/${review.id}/complete`, 'reviewer', { variables: { decision: 'approve' } }),
        returnTo(review.id, 'reviewer', 'unit-approval'),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      await s.settle();
      const trail = (await s.history(id)).filter(
        (h) =>
          h.type === 'task.returned' || (h.type === 'task.completed' && h.elementId === 'authority-review'),
      );
      expect(trail).toHaveLength(1);
    });
  });

  describe('加签/减签 on the shipped catalog registration', () => {
    const addSigners = (taskId: string, as: string, usernames: string[], mode: string, comment?: string) =>
      s.post(`/api/tasks/${taskId}/add-signers`, as, { usernames, mode, ...(comment ? { comment } : {}) });
    const signerTask = async (id: string, as: string) => {
      const mine = (await s.openTasks(id, as)).filter((t) => t.assignee === as && t.name.includes('加签'));
      expect(mine, `${as} has no signer task`).toHaveLength(1);
      return mine[0];
    };

    it('before: the signer signs first, then the reviewer gets the task back with its due date and decides', async () => {
      const { id } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      const r = await addSigners(review.id, 'reviewer', ['governance'], 'before', '请治理专员先看');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect((await s.openTasks(id, 'reviewer')).map((t) => t.elementId)).toEqual([]);
      const sig = await signerTask(id, 'governance');
      expect(sig).toMatchObject({ name: '主管部门审核（加签）', elementId: 'authority-review' });
      const told = (await s.get('/api/notifications', 'governance')).body.items;
      expect(
        told.some(
          (n: any) => n.instanceId === id && n.title.startsWith('加签：请您签署「主管部门审核（加签）」'),
        ),
      ).toBe(true);
      const done = await s.post(`/api/tasks/${sig.id}/complete`, 'governance', {
        variables: {},
        comment: '数据项无重复',
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const back = await s.openTask(id, 'authority-review', 'reviewer');
      expect(back).toMatchObject({ assignee: 'reviewer', dueAt: review.dueAt });
      const history = await s.history(id);
      expect(history.find((h) => h.type === 'task.signers-added')).toMatchObject({
        actor: 'reviewer',
        data: { usernames: ['governance'], mode: 'before', comment: '请治理专员先看' },
      });
      expect(history.find((h) => h.type === 'task.completed' && h.actor === 'governance')).toMatchObject({
        data: { comment: '数据项无重复' },
      });
      await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve' });
      expect((await s.instance(id)).status).toBe('completed');
    });

    it('after: the reviewer decides, the signer signs, then the process moves on', async () => {
      const { id } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      expect((await addSigners(review.id, 'reviewer', ['governance'], 'after')).status).toBe(200);
      await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve' });
      expect(await activeOf(id)).toEqual(['authority-review']);
      const sig = await signerTask(id, 'governance');
      expect((await s.post(`/api/tasks/${sig.id}/complete`, 'governance', { variables: {} })).status).toBe(
        200,
      );
      await s.settle();
      expect((await s.instance(id)).status).toBe('completed');
    });

    it('parallel: the step ends when both have signed, in any order', async () => {
      const { id } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      expect((await addSigners(review.id, 'reviewer', ['governance'], 'parallel')).status).toBe(200);
      const sig = await signerTask(id, 'governance');
      expect((await s.post(`/api/tasks/${sig.id}/complete`, 'governance', { variables: {} })).status).toBe(
        200,
      );
      expect(await activeOf(id)).toEqual(['authority-review']);
      await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve' });
      expect((await s.instance(id)).status).toBe('completed');
    });

    it('refuses oneself, an unknown user, a non-holder, removing one who signed or is no signer; removes one who has not signed', async () => {
      const { id } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      const self = await addSigners(review.id, 'reviewer', ['reviewer'], 'before');
      expect(self.status).toBe(400);
      expect(self.body.error.message).toMatch(/不能给自己加签/);
      expect((await addSigners(review.id, 'reviewer', ['nobody.here'], 'before')).status).toBe(422);
      expect([403, 404]).toContain(
        (await addSigners(review.id, 'gaj.leader', ['governance'], 'before')).status,
      );
      expect((await s.history(id)).some((h) => h.type === 'task.signers-added')).toBe(false);

      expect((await addSigners(review.id, 'reviewer', ['governance', 'supervisor'], 'parallel')).status).toBe(
        200,
      );
      const sig = await signerTask(id, 'governance');
      await s.post(`/api/tasks/${sig.id}/complete`, 'governance', { variables: {} });
      const signed = await s.post(`/api/tasks/${review.id}/remove-signers`, 'reviewer', {
        usernames: ['governance'],
      });
      expect(signed.status).toBe(409);
      expect(signed.body.error.message).toMatch(/已签署/);
      expect(
        (await s.post(`/api/tasks/${review.id}/remove-signers`, 'reviewer', { usernames: ['auditor'] }))
          .status,
      ).toBe(409);
      const removed = await s.post(`/api/tasks/${review.id}/remove-signers`, 'reviewer', {
        usernames: ['supervisor'],
      });
      expect(removed.status, JSON.stringify(removed.body)).toBe(200);
      expect((await s.openTasks(id, 'supervisor')).filter((t) => t.assignee === 'supervisor')).toEqual([]);
      await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve' });
      expect((await s.instance(id)).status).toBe('completed');
    });

    it('lets exactly one of a signer signing and the holder removing them win', async () => {
      const { id } = await atReview();
      const review = await s.openTask(id, 'authority-review', 'reviewer');
      await addSigners(review.id, 'reviewer', ['governance'], 'parallel');
      const sig = await signerTask(id, 'governance');
      // a signer gives an opinion: they cannot return the step
      expect((await returnTo(sig.id, 'governance', 'unit-approval')).status).toBe(403);
      const [a, b] = await Promise.all([
        s.post(`/api/tasks/${sig.id}/complete`, 'governance', { variables: {} }),
        s.post(`/api/tasks/${review.id}/remove-signers`, 'reviewer', { usernames: ['governance'] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
    });
  });

  describe('on a diagram with branches, a subprocess and a multi-instance task', () => {
    const start = async () => {
      const r = await s.post('/api/process-instances', 'admin', { processKey: 'flow-ops', variables: {} });
      expect(r.status).toBe(201);
      const id = r.body.id as string;
      await s.complete(id, 'first', 'admin', { n: 1 });
      return id;
    };

    it('keeps a return inside its parallel branch, and refuses one into the other branch (409, in Chinese)', async () => {
      const id = await start();
      await s.complete(id, 'a1', 'admin', {});
      const a2 = await s.openTask(id, 'a2', 'admin');
      const targets = (await s.get(`/api/tasks/${a2.id}/return-targets`, 'admin')).body.map(
        (t: any) => t.elementId,
      );
      expect(targets).toEqual(['first', 'a1']);
      await s.complete(id, 'b1', 'admin', {});
      // b1 ran, but in the other branch
      const other = await returnTo(a2.id, 'admin', 'b1');
      expect(other.status).toBe(409);
      expect(other.body.error.message).toMatch(/另一个并行分支/);
      expect((await returnTo(a2.id, 'admin', 'a1')).status).toBe(200);
      expect(await openIds(id)).toEqual(['a1']);
      // b1's branch is still done: completing a1 and a2 goes on to the subprocess
      await s.complete(id, 'a1', 'admin', {});
      await s.complete(id, 'a2', 'admin', {});
      expect(await openIds(id)).toEqual(['s1']);
    });

    it('returns from a subprocess to before the split, closing the subprocess', async () => {
      const id = await start();
      for (const el of ['a1', 'a2', 'b1']) await s.complete(id, el, 'admin', {});
      const s1 = await s.openTask(id, 's1', 'admin');
      expect((await returnTo(s1.id, 'admin', 'first')).status).toBe(200);
      expect(await openIds(id)).toEqual(['first']);
      expect((await s.instance(id, 'admin')).activeElementIds).toEqual(['first']);
    });

    it('returns from one item of a multi-instance task: every item closes and the target reopens', async () => {
      const id = await start();
      for (const el of ['a1', 'a2', 'b1', 's1']) await s.complete(id, el, 'admin', {});
      const items = (await s.openTasks(id, 'admin')).filter((t) => t.elementId === 'sign');
      expect(items).toHaveLength(2);
      expect((await returnTo(items[0].id, 'admin', 's1')).status).toBe(200);
      expect(await openIds(id)).toEqual(['s1']);
      // and back to the multi-instance task: every item opens again
      await s.complete(id, 's1', 'admin', {});
      expect(await openIds(id)).toEqual(['sign', 'sign']);
    });

    it('returns to the holder of a step that had an after-signer, not to the signer', async () => {
      const r = await s.post('/api/process-instances', 'admin', { processKey: 'flow-ops', variables: {} });
      const id = r.body.id as string;
      const first = await s.openTask(id, 'first', 'admin');
      const added = await s.post(`/api/tasks/${first.id}/add-signers`, 'admin', {
        usernames: ['reviewer'],
        mode: 'after',
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      await s.complete(id, 'first', 'admin', {});
      const sig = (await s.openTasks(id, 'reviewer')).find((t) => t.assignee === 'reviewer');
      expect((await s.post(`/api/tasks/${sig.id}/complete`, 'reviewer', { variables: {} })).status).toBe(200);
      const a1 = await s.openTask(id, 'a1', 'admin');
      const targets = (await s.get(`/api/tasks/${a1.id}/return-targets`, 'admin')).body;
      expect(targets).toEqual([{ elementId: 'first', name: '初审', lastAssignee: 'admin' }]);
    });

    it('refuses 加签 on a multi-instance (会签) task', async () => {
      const id = await start();
      for (const el of ['a1', 'a2', 'b1', 's1']) await s.complete(id, el, 'admin', {});
      const item = (await s.openTasks(id, 'admin')).find((t) => t.elementId === 'sign');
      const r = await s.post(`/api/tasks/${item.id}/add-signers`, 'admin', {
        usernames: ['reviewer'],
        mode: 'before',
      });
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/会签/);
    });

    it('withdraws from a parallel block holding a multi-instance task and a subprocess: all closes, the start form reopens', async () => {
      const r = await s.post('/api/process-instances', 'admin', {
        processKey: 'withdraw-ops',
        variables: { title: '申请' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const id = r.body.id as string;
      expect(await openIds(id)).toEqual(['each', 'each', 's1']);
      const w = await s.post(`/api/process-instances/${id}/withdraw`, 'admin', { comment: '撤回修改' });
      expect(w.status, JSON.stringify(w.body)).toBe(200);
      expect(await openIds(id)).toEqual(['apply']);
      const step = await s.openTask(id, 'apply', 'admin');
      expect(step).toMatchObject({ assignee: 'admin', name: '申请' });
      expect((await s.get(`/api/tasks/${step.id}`, 'admin')).body.formData).toMatchObject({ title: '申请' });
      // the start form still checks what is resubmitted
      expect(
        (await s.post(`/api/tasks/${step.id}/complete`, 'admin', { variables: { title: 3 } })).status,
      ).toBe(422);
      await s.complete(id, 'apply', 'admin', { title: '改过' });
      expect(await openIds(id)).toEqual(['each', 'each', 's1']);
      // one item of the multi-instance task done: someone acted, too late
      const item = (await s.openTasks(id, 'admin')).find((t) => t.elementId === 'each');
      await s.post(`/api/tasks/${item.id}/complete`, 'admin', { variables: {} });
      expect((await s.post(`/api/process-instances/${id}/withdraw`, 'admin', {})).status).toBe(409);
      expect(await openIds(id)).toEqual(['each', 's1']);
    });

    it('refuses withdraw on a process without a start form (409), the starter being admin', async () => {
      const r = await s.post('/api/process-instances', 'admin', { processKey: 'flow-ops', variables: {} });
      const w = await s.post(`/api/process-instances/${r.body.id}/withdraw`, 'admin', {});
      expect(w.status).toBe(409);
      expect(w.body.error.message).toMatch(/没有发起表单/);
    });
  });
});
