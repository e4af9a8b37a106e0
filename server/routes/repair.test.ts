/**
 * @module Instance repair and version migration over HTTP on both databases: 100 running instances moved from v1 to
 * v2 with a renamed step (dry run first), each bad input refused with nothing changed, and modification (move to
 * step) in a diagram with a parallel block, a subprocess and a multi-instance subprocess.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { timers } from '../../engine/store/schema';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const bpmn = (id: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="${id}" name="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const task = (id: string, name: string) =>
  `<bpmn:userTask id="${id}" name="${name}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="authority.admin" /></bpmn:extensionElements></bpmn:userTask>`;
const seq = (ids: string[]) =>
  ids
    .slice(1)
    .map((t, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${t}" />`)
    .join('');
const V1 = bpmn(
  'mig',
  `<bpmn:startEvent id="start" />${task('review', '审核')}${task('sign', '签发')}<bpmn:endEvent id="end" />${seq(['start', 'review', 'sign', 'end'])}`,
);
const V2 = bpmn(
  'mig',
  `<bpmn:startEvent id="start" />${task('check', '复核')}${task('sign', '签发')}<bpmn:endEvent id="end" />${seq(['start', 'check', 'sign', 'end'])}`,
);
const MOD = bpmn(
  'mod',
  `<bpmn:startEvent id="start" />${task('first', '初审')}<bpmn:parallelGateway id="split" />${task('a1', '甲')}${task('b1', '乙')}<bpmn:parallelGateway id="join" />
  <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart" />${task('s1', '复核')}<bpmn:endEvent id="subEnd" /><bpmn:sequenceFlow id="sf1" sourceRef="subStart" targetRef="s1" /><bpmn:sequenceFlow id="sf2" sourceRef="s1" targetRef="subEnd" /></bpmn:subProcess>
  <bpmn:subProcess id="each"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" inputElement="n" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
    <bpmn:startEvent id="eStart" />${task('e1', '逐项')}<bpmn:endEvent id="eEnd" /><bpmn:sequenceFlow id="ef1" sourceRef="eStart" targetRef="e1" /><bpmn:sequenceFlow id="ef2" sourceRef="e1" targetRef="eEnd" /></bpmn:subProcess>
  <bpmn:endEvent id="end" />
  <bpmn:sequenceFlow id="m1" sourceRef="start" targetRef="first" /><bpmn:sequenceFlow id="m2" sourceRef="first" targetRef="split" />
  <bpmn:sequenceFlow id="m3" sourceRef="split" targetRef="a1" /><bpmn:sequenceFlow id="m4" sourceRef="split" targetRef="b1" />
  <bpmn:sequenceFlow id="m5" sourceRef="a1" targetRef="join" /><bpmn:sequenceFlow id="m6" sourceRef="b1" targetRef="join" />
  <bpmn:sequenceFlow id="m7" sourceRef="join" targetRef="sub" /><bpmn:sequenceFlow id="m8" sourceRef="sub" targetRef="each" /><bpmn:sequenceFlow id="m9" sourceRef="each" targetRef="end" />`,
);

describe.each(testDbKinds())('repair and migration over HTTP on %s', (kind) => {
  let server: TestServer;
  const ids: string[] = [];
  const post = (path: string, json: unknown, as = 'admin') =>
    server.request(path, { method: 'POST', as, json });
  const deploy = async (name: string, content: string) =>
    expect((await post('/api/deployments', { resources: [{ name, content }] })).status).toBe(201);
  const instance = async (id: string) =>
    (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as any;
  const openTasks = async (id: string) =>
    (
      (await (
        await server.request(`/api/tasks?processInstanceId=${id}&pageSize=50`, { as: 'admin' })
      ).json()) as any
    ).items as any[];
  const start = async (key: string) => {
    const res = await post('/api/process-instances', { processKey: key, variables: {} });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    server = await createTestServer(kind);
    await deploy('mig.bpmn', V1);
    for (let i = 0; i < 100; i++) ids.push(await start('mig'));
    await deploy('mig.bpmn', V2);
    await deploy('mod.bpmn', MOD);
  }, 240_000);
  afterAll(() => server?.close());

  const migrate = (body: unknown, as = 'admin') => post('/api/process-definitions/mig/migrate', body, as);

  it('refuses a mapping to an element the target does not have (400, in Chinese) and someone not authority.admin (403), changing nothing', async () => {
    const res = await migrate({
      fromVersion: 1,
      toVersion: 2,
      mappings: [{ source: 'review', target: 'nope' }],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/nope.*不在版本 2/);
    expect((await migrate({ fromVersion: 1, toVersion: 2, mappings: [] }, 'reviewer')).status).toBe(403);
    expect((await instance(ids[0])).version).toBe(1);
  });

  it('fails every instance at the renamed step when no mapping is given, and leaves each as it was', async () => {
    const res = await migrate({ fromVersion: 1, toVersion: 2, mappings: [] });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.migrated).toBe(0);
    expect(body.failed).toHaveLength(100);
    expect(body.failed[0].reason).toMatch(/review/);
    expect((await instance(ids[0])).version).toBe(1);
  });

  it('reports per instance what would happen in a dry run, and writes nothing', async () => {
    const res = await migrate({
      fromVersion: 1,
      toVersion: 2,
      mappings: [{ source: 'review', target: 'check' }],
      dryRun: true,
    });
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ migrated: 100, failed: [], dryRun: true });
    expect(body.instances[0]).toMatchObject({
      ok: true,
      activeElementIds: ['review'],
      targetElementIds: ['check'],
      renamed: { review: 'check' },
    });
    expect((await instance(ids[0])).version).toBe(1);
    expect((await openTasks(ids[0]))[0].elementId).toBe('review');
  });

  it('migrates 100 running instances from v1 to v2 with the renamed step, and they run on in v2', async () => {
    // one of them has an added signer beside its holder (加签): their task follows, keeping its own name
    const [held] = await openTasks(ids[3]);
    const signed = await post(`/api/tasks/${held.id}/add-signers`, {
      usernames: ['reviewer'],
      mode: 'parallel',
    });
    expect(signed.status, await signed.clone().text()).toBe(200);
    const res = await migrate({
      fromVersion: 1,
      toVersion: 2,
      mappings: [{ source: 'review', target: 'check' }],
    });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ migrated: 100, failed: [], dryRun: false });
    const inst = await instance(ids[42]);
    expect(inst).toMatchObject({ version: 2, activeElementIds: ['check'] });
    const [t] = await openTasks(ids[42]);
    expect(t).toMatchObject({ elementId: 'check', name: '复核' });
    const done = await post(`/api/tasks/${t.id}/complete`, { variables: { ok: true } });
    expect(done.status).toBe(200);
    expect((await openTasks(ids[42]))[0]).toMatchObject({ elementId: 'sign' });
    const history = (await (
      await server.request(`/api/process-instances/${ids[42]}/history`, { as: 'admin' })
    ).json()) as any[];
    const signerTasks = (
      (await (
        await server.request(`/api/tasks?processInstanceId=${ids[3]}`, { as: 'reviewer' })
      ).json()) as any
    ).items as any[];
    const both = [...(await openTasks(ids[3])), ...signerTasks.filter((x) => x.assignee === 'reviewer')]
      .map((x) => [x.elementId, x.name])
      .sort();
    expect(both).toEqual([
      ['check', '复核'],
      ['check', '审核（加签）'],
    ]);
    expect(history.find((h) => h.type === 'instance.migrated')).toMatchObject({
      actor: 'admin',
      data: { fromVersion: 1, toVersion: 2 },
    });
    // Nothing of v1 is left running.
    const again = (await (await migrate({ fromVersion: 1, toVersion: 2, mappings: [] })).json()) as any;
    expect(again.migrated + again.failed.length).toBe(0);
  });

  it('migrates one instance through /migration, refusing the version it already runs', async () => {
    await deploy('mig.bpmn', V1.replace('签发', '签发（三）'));
    const id = ids[7];
    const dry = (await (
      await post(`/api/process-instances/${id}/migration`, {
        targetVersion: 3,
        mappings: [{ source: 'check', target: 'review' }],
        dryRun: true,
      })
    ).json()) as any;
    expect(dry).toMatchObject({ migrated: 1, dryRun: true });
    expect((await instance(id)).version).toBe(2);
    expect(
      (await post(`/api/process-instances/${id}/migration`, { targetVersion: 2, mappings: [] })).status,
    ).toBe(400);
    const res = await post(`/api/process-instances/${id}/migration`, {
      targetVersion: 3,
      mappings: [{ source: 'check', target: 'review' }],
    });
    expect(((await res.json()) as any).migrated).toBe(1);
    expect(await instance(id)).toMatchObject({ version: 3, activeElementIds: ['review'] });
  });

  it('lets a completion and a migration racing on one instance both land, in either order', async () => {
    const id = ids[8];
    const [t] = await openTasks(id);
    expect(t.elementId).toBe('check');
    const [done, moved] = await Promise.all([
      post(`/api/tasks/${t.id}/complete`, { variables: {} }),
      post(`/api/process-instances/${id}/migration`, {
        targetVersion: 3,
        mappings: [{ source: 'check', target: 'review' }],
      }),
    ]);
    expect(done.status).toBe(200);
    expect(((await moved.json()) as any).migrated).toBe(1);
    expect(await instance(id)).toMatchObject({ version: 3, activeElementIds: ['sign'] });
    expect((await openTasks(id)).map((x) => x.elementId)).toEqual(['sign']);
  });

  it('migrates an instance waiting at a task with a reminder boundary to a version adding a message event subprocess, whose message then reaches it', async () => {
    // given an instance at 整改反馈 with a non-interrupting daily reminder (as the data-problem process has)
    const reminded = (evsub: string) =>
      bpmn(
        'urge',
        `<bpmn:startEvent id="start" />${task('rectify', '整改反馈')}
        <bpmn:boundaryEvent id="rectify-overdue" attachedToRef="rectify" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        ${task('remind', '催办')}<bpmn:endEvent id="endReminded" /><bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="u1" sourceRef="start" targetRef="rectify" /><bpmn:sequenceFlow id="u2" sourceRef="rectify" targetRef="end" />
        <bpmn:sequenceFlow id="u3" sourceRef="rectify-overdue" targetRef="remind" /><bpmn:sequenceFlow id="u4" sourceRef="remind" targetRef="endReminded" />${evsub}`,
      ).replace(
        '<bpmn:process',
        '<bpmn:message id="mUrge" name="mig.urge"><bpmn:extensionElements><zeebe:subscription correlationKey="=&quot;U-1&quot;" /></bpmn:extensionElements></bpmn:message><bpmn:process',
      );
    await deploy('urge.bpmn', reminded(''));
    const id = await start('urge');
    await deploy(
      'urge.bpmn',
      reminded(`<bpmn:subProcess id="urged" triggeredByEvent="true">
        <bpmn:startEvent id="urgeStart" isInterrupting="false"><bpmn:messageEventDefinition messageRef="mUrge" /></bpmn:startEvent>
        ${task('answer', '答复督办')}<bpmn:endEvent id="urgeEnd" />
        <bpmn:sequenceFlow id="v1" sourceRef="urgeStart" targetRef="answer" /><bpmn:sequenceFlow id="v2" sourceRef="answer" targetRef="urgeEnd" /></bpmn:subProcess>`),
    );
    // when it is migrated to v2 without mappings
    const res = await post(`/api/process-instances/${id}/migration`, { targetVersion: 2, mappings: [] });
    expect(await res.json()).toMatchObject({ migrated: 1, failed: [] });
    expect(await instance(id)).toMatchObject({ version: 2, activeElementIds: ['rectify'] });
    // then the event subprocess v2 adds is subscribed: its message starts it beside the waiting task
    expect((await post('/api/messages', { name: 'mig.urge', correlationKey: 'U-1' })).status).toBe(200);
    expect((await instance(id)).activeElementIds.sort()).toEqual(['answer', 'rectify']);
    expect((await openTasks(id)).map((x) => x.elementId).sort()).toEqual(['answer', 'rectify']);
  });

  describe('modification', () => {
    const modify = (id: string, body: unknown, as = 'admin') =>
      post(`/api/process-instances/${id}/modification`, body, as);

    it('moves a stuck instance to another step: the old task is cancelled, the new one opens', async () => {
      const id = await start('mod');
      const res = await modify(id, {
        activate: [{ elementId: 's1', variables: { fixed: true } }],
        terminate: [{ elementId: 'first' }],
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      expect(body.activeElementIds.sort()).toEqual(['s1', 'sub']);
      expect(body.variables.fixed).toBe(true);
      expect((await openTasks(id)).map((t) => t.elementId)).toEqual(['s1']);
    });

    it('moves the token of one parallel branch and leaves the other', async () => {
      const id = await start('mod');
      const [first] = await openTasks(id);
      await post(`/api/tasks/${first.id}/complete`, { variables: {} });
      const res = await modify(id, { activate: [], terminate: [{ elementId: 'a1' }] });
      expect(res.status).toBe(200);
      expect((await openTasks(id)).map((t) => t.elementId)).toEqual(['b1']);
      // then re-activating a1 in its (still running) block works
      const back = await modify(id, { activate: [{ elementId: 'a1' }], terminate: [] });
      expect(back.status).toBe(200);
      expect((await openTasks(id)).map((t) => t.elementId).sort()).toEqual(['a1', 'b1']);
    });

    it('refuses, naming the element: inside a multi-instance body, unknown, a scope without a token, an active element not listed, a non-admin', async () => {
      const id = await start('mod');
      const cases: [unknown, RegExp][] = [
        [{ activate: [{ elementId: 'e1' }], terminate: [{ elementId: 'first' }] }, /e1.*多实例/],
        [{ activate: [{ elementId: 'ghost' }], terminate: [] }, /ghost/],
        [{ activate: [{ elementId: 'b1' }], terminate: [] }, /b1.*不能在此激活/],
        [{ activate: [{ elementId: 's1' }], terminate: [] }, /first.*terminate/],
        [{ activate: [], terminate: [{ elementId: 'sub' }] }, /sub.*未激活/],
      ];
      for (const [body, message] of cases) {
        const res = await modify(id, body);
        expect(res.status).toBe(400);
        expect(((await res.json()) as any).error.message).toMatch(message);
      }
      expect(
        (
          await modify(
            id,
            { activate: [{ elementId: 's1' }], terminate: [{ elementId: 'first' }] },
            'reviewer',
          )
        ).status,
      ).toBe(403);
      expect((await instance(id)).activeElementIds).toEqual(['first']);
      expect((await openTasks(id)).map((t) => t.elementId)).toEqual(['first']);
    });
  });

  it('re-arms a waiting boundary timer whose deadline the target version changed: the old row is cancelled, a new one is due from the migration', async () => {
    const deadline = (d: string) =>
      bpmn(
        'deadline',
        `<bpmn:startEvent id="start" />${task('rectify', '整改')}<bpmn:boundaryEvent id="overdue" attachedToRef="rectify"><bpmn:timerEventDefinition><bpmn:timeDuration>${d}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>${task('escalated', '超期督办')}<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />${seq(['start', 'rectify', 'end'])}<bpmn:sequenceFlow id="g1" sourceRef="overdue" targetRef="escalated" /><bpmn:sequenceFlow id="g2" sourceRef="escalated" targetRef="end2" />`,
      );
    await deploy('deadline.bpmn', deadline('P3D'));
    const id = await start('deadline');
    await deploy('deadline.bpmn', deadline('P5D'));
    const before = Date.parse(server.deps.clock.now().toISOString());
    const res = await post(`/api/process-instances/${id}/migration`, { targetVersion: 2, mappings: [] });
    expect(res.status).toBe(200);
    const rows = await server.deps.db.select().from(timers).where(eq(timers.instanceId, id));
    // then the P3D row is cancelled and one P5D row (same key) is scheduled from the migration time
    expect(rows.map((r) => [r.timerKey, r.status]).sort()).toEqual([
      ['overdue#1', 'cancelled'],
      ['overdue#1', 'scheduled'],
    ]);
    const due = rows.find((r) => r.status === 'scheduled')?.dueAt.getTime() as number;
    expect(due - before).toBeGreaterThanOrEqual(5 * 86_400_000 - 1000);
    expect(due - before).toBeLessThan(5 * 86_400_000 + 60_000);
    // and when it falls due, the boundary leaves the step on version 2
    await server.request('/api/test/clock', {
      method: 'PUT',
      as: 'admin',
      json: { now: new Date(due + 1000).toISOString() },
    });
    expect((await instance(id)).activeElementIds).toEqual(['escalated']);
  });
});
