/** @module Runtime commands on both databases: deploy, start, complete (with races), claim, versions, cancel, access. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../platform/db/testing';
import { historyEvents, processInstances, userTasks } from '../store';
import { approvalXml, oneTaskXml, processXml, userTask } from './testing/fixtures';
import { codeOf, testRuntime, users } from './testing/harness';

describe.each(testDbKinds())('runtime commands on %s', (kind) => {
  let database: Database;
  let rt: ReturnType<typeof testRuntime>['runtime'];
  let clock: ReturnType<typeof testRuntime>['clock'];
  const published: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ runtime: rt, clock } = testRuntime(database, {
      workers: {
        publish: async (job) => {
          published.push(job.instanceId);
          return { variables: { published: true } };
        },
      },
    }));
    await rt.deployResources({ resources: [{ name: 'approval.bpmn', content: approvalXml }] });
  });
  afterAll(async () => database?.close());

  const openTask = async (instanceId: string, elementId: string) => {
    const { items } = await rt.listTasks({
      user: users.reviewer,
      scope: 'all',
      processInstanceId: instanceId,
    });
    const fromRows = await database.db.select().from(userTasks).where(eq(userTasks.instanceId, instanceId));
    const row = fromRows.find((t) => t.elementId === elementId && t.status === 'open');
    if (!row)
      throw new Error(
        `no open ${elementId} task (have ${fromRows.map((t) => `${t.elementId}:${t.status}`)}, ${items.length} visible)`,
      );
    return row;
  };

  it('given the same XML deployed again, when deploying, then no new version is made', async () => {
    const again = await rt.deployResources({ resources: [{ name: 'approval.bpmn', content: approvalXml }] });
    expect(again.created).toBe(false);
    expect(again.processes).toMatchObject([{ key: 'approval', version: 1, created: false }]);
  });

  it('given two different versions deployed at once, then both get their own version number', async () => {
    const [a, b] = await Promise.all(
      ['a', 'b'].map((n) =>
        rt.deployResources({ resources: [{ name: 'r.bpmn', content: oneTaskXml('racing-deploy', n) }] }),
      ),
    );
    expect([a.processes[0].version, b.processes[0].version].sort()).toEqual([1, 2]);
  });

  it('given invalid BPMN, when deploying, then BPMN_INVALID names the elements and nothing is stored', async () => {
    const bad = processXml(
      'broken',
      '<bpmn:scriptTask id="js" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>',
      ['start', 'js', 'end'],
    );
    const error = await rt
      .deployResources({ resources: [{ name: 'bad.bpmn', content: bad }] })
      .catch((e) => e);
    expect(error.code).toBe('BPMN_INVALID');
    expect(error.details.length).toBeGreaterThan(0);
    expect(error.details[0]).toHaveProperty('elementId');
    expect(await rt.listDefinitions({ key: 'broken' })).toEqual([]);
  });

  it('given a task form that was never saved, when deploying, then the element is refused', async () => {
    const xml = processXml(
      'needs-form',
      userTask('t', 'unit.leader', '<zeebe:formDefinition formId="nope" />'),
      ['start', 't', 'end'],
    );
    const error = await rt.deployResources({ resources: [{ name: 'f.bpmn', content: xml }] }).catch((e) => e);
    expect(error.code).toBe('BPMN_INVALID');
    expect(error.details).toEqual([expect.objectContaining({ elementId: 't', code: 'FORM_MISSING' })]);
  });

  it('given a started approval, then the starter is recorded and the first task is offered to its unit only', async () => {
    const inst = await rt.startInstance({
      processKey: 'approval',
      businessKey: 'BK-1',
      variables: { x: 1 },
      user: users.catA,
    });
    expect(inst.status).toBe('active');
    expect(inst.activeElementIds).toEqual(['fill']);
    expect(inst.variables).toMatchObject({ x: 1, initiator: 'a.cataloguer', initiatorUnitId: 'A' });
    const mine = await rt.listTasks({ user: users.catA, scope: 'group', processInstanceId: inst.id });
    expect(mine.items.map((t) => t.elementId)).toEqual(['fill']);
    expect(mine.items[0]).toMatchObject({
      unitId: 'A',
      businessKey: 'BK-1',
      candidateGroups: ['unit.cataloguer'],
      overdue: false,
    });
    const otherUnit = { ...users.catA, username: 'b.cat', unitId: 'B' };
    expect((await rt.listTasks({ user: otherUnit, scope: 'all', processInstanceId: inst.id })).total).toBe(0);
    expect(await codeOf(() => rt.getTask(mine.items[0].id, otherUnit))).toBe('NOT_FOUND');
  });

  it('given the whole approval flow, when every task is completed, then the job runs and the instance completes with its history', async () => {
    const inst = await rt.startInstance({ processKey: 'approval', user: users.catA });
    await rt.completeUserTask({
      taskId: (await openTask(inst.id, 'fill')).id,
      variables: {},
      user: users.catA,
    });
    await rt.completeUserTask({
      taskId: (await openTask(inst.id, 'review')).id,
      variables: { approved: true },
      user: users.reviewer,
    });
    await rt.completeUserTask({ taskId: (await openTask(inst.id, 'legalCheck')).id, user: users.reviewer });
    await rt.completeUserTask({
      taskId: (await openTask(inst.id, 'securityCheck')).id,
      user: users.reviewer,
    });
    expect((await rt.getInstance(inst.id)).activeElementIds).toEqual(['publish']);
    expect(await rt.runDueJobs()).toBe(1);
    const done = await rt.getInstance(inst.id);
    expect(done).toMatchObject({ status: 'completed', variables: { approved: true, published: true } });
    expect(done.endedAt).toBeDefined();
    expect(published).toContain(inst.id);
    const types = (await rt.getHistory(inst.id)).map((h) => h.type);
    expect(types[0]).toBe('instance.started');
    expect(types.filter((t) => t === 'task.completed')).toHaveLength(4);
    expect(types.at(-1)).toBe('instance.completed');
  });

  it('given 10 racing completions of one task, then exactly one wins and the next task opens once', async () => {
    const inst = await rt.startInstance({ processKey: 'approval', user: users.catA });
    const task = await openTask(inst.id, 'fill');
    const before = await rt.getInstance(inst.id);
    const codes = await Promise.all(
      Array.from({ length: 10 }, () =>
        codeOf(() => rt.completeUserTask({ taskId: task.id, variables: {}, user: users.catA })),
      ),
    );
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(9);
    const rows = await database.db.select().from(userTasks).where(eq(userTasks.instanceId, inst.id));
    expect(rows.filter((t) => t.elementId === 'review')).toHaveLength(1);
    const hist = await database.db.select().from(historyEvents).where(eq(historyEvents.instanceId, inst.id));
    expect(hist.filter((h) => h.type === 'task.completed')).toHaveLength(1);
    const [row] = await database.db.select().from(processInstances).where(eq(processInstances.id, inst.id));
    expect(row.version).toBe(2);
    expect(before.activeElementIds).toEqual(['fill']);
  });

  it('given a completed task, when completed again, then CONFLICT and nothing changes', async () => {
    const inst = await rt.startInstance({ processKey: 'approval', user: users.catA });
    const task = await openTask(inst.id, 'fill');
    await rt.completeUserTask({ taskId: task.id, user: users.catA });
    const [before] = await database.db
      .select()
      .from(processInstances)
      .where(eq(processInstances.id, inst.id));
    expect(await codeOf(() => rt.completeUserTask({ taskId: task.id, user: users.catA }))).toBe('CONFLICT');
    const [after] = await database.db.select().from(processInstances).where(eq(processInstances.id, inst.id));
    expect(after.version).toBe(before.version);
    expect(after.snapshot).toEqual(before.snapshot);
  });

  it('given a claimed task, then only the assignee may complete it and it leaves the group list', async () => {
    const inst = await rt.startInstance({ processKey: 'one-task', user: users.catA }).catch(async () => {
      await rt.deployResources({ resources: [{ name: 'one.bpmn', content: oneTaskXml() }] });
      return rt.startInstance({ processKey: 'one-task', user: users.catA });
    });
    const task = await openTask(inst.id, 'approve');
    expect((await rt.claimTask({ taskId: task.id, user: users.leaderA })).assignee).toBe('a.leader');
    expect(await codeOf(() => rt.claimTask({ taskId: task.id, user: users.leaderA2 }))).toBe('CONFLICT');
    expect(await codeOf(() => rt.completeUserTask({ taskId: task.id, user: users.leaderA2 }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(() => rt.completeUserTask({ taskId: task.id, user: users.leaderB }))).toBe(
      'NOT_FOUND',
    );
    const group = await rt.listTasks({ user: users.leaderA2, scope: 'group', processInstanceId: inst.id });
    expect(group.total).toBe(0);
    const mine = await rt.listTasks({ user: users.leaderA, scope: 'mine', processInstanceId: inst.id });
    expect(mine.items.map((t) => t.id)).toEqual([task.id]);
    await rt.unclaimTask({ taskId: task.id, user: users.leaderA });
    const { instance } = await rt.completeUserTask({ taskId: task.id, user: users.leaderA2 });
    expect(instance.status).toBe('completed');
    const types = (await rt.getHistory(inst.id)).map((h) => h.type);
    expect(types).toEqual(expect.arrayContaining(['task.claimed', 'task.unclaimed', 'task.completed']));
  });

  it('given v1 instances running, when v2 is deployed, then they finish on v1 and new starts use v2', async () => {
    await rt.deployResources({ resources: [{ name: 'v.bpmn', content: oneTaskXml('versioned', 'first') }] });
    const old = await rt.startInstance({ processKey: 'versioned', user: users.catA });
    const v2 = await rt.deployResources({
      resources: [{ name: 'v.bpmn', content: oneTaskXml('versioned', 'second') }],
    });
    expect(v2.processes).toMatchObject([{ key: 'versioned', version: 2, created: true }]);
    const fresh = await rt.startInstance({ processKey: 'versioned', user: users.catA });
    expect((await rt.getInstance(old.id)).version).toBe(1);
    expect((await rt.getInstance(fresh.id)).version).toBe(2);
    expect((await openTask(old.id, 'approve')).name).toBe('first');
    expect((await openTask(fresh.id, 'approve')).name).toBe('second');
    const { instance } = await rt.completeUserTask({
      taskId: (await openTask(old.id, 'approve')).id,
      user: users.leaderA,
    });
    expect(instance).toMatchObject({ status: 'completed', definitionVersion: 1 });
    expect((await rt.listDefinitions({ latest: true, key: 'versioned' })).map((d) => d.version)).toEqual([2]);
  });

  it('given a form validation failure, when completing, then VALIDATION_FAILED and nothing is saved', async () => {
    const strict = testRuntime(database, {
      validateForm: async (formKey, _v, data) =>
        data.ok ? { ok: true } : { ok: false, details: [{ path: '/ok', message: `${formKey}: required` }] },
    }).runtime;
    const xml = processXml('formed', userTask('t', 'unit.leader', '<zeebe:formDefinition formId="f1" />'), [
      'start',
      't',
      'end',
    ]);
    const form = (title: string) =>
      JSON.stringify({
        key: 'f1',
        title,
        schema: { type: 'object', properties: { ok: { type: 'boolean' } } },
      });
    const first = await strict.deployResources({
      resources: [
        { name: 'f1.form.json', content: form('v1') },
        { name: 'formed.bpmn', content: xml },
      ],
    });
    expect(first.forms).toEqual([{ key: 'f1', version: 1 }]);
    // A later form version does not move the deployed process: its binding stays at version 1.
    await strict.deployResources({ resources: [{ name: 'f1.form.json', content: form('v2') }] });
    const inst = await strict.startInstance({ processKey: 'formed', user: users.catA });
    const task = await openTask(inst.id, 't');
    expect(task.formVersion).toBe(1);
    const error = await strict
      .completeUserTask({ taskId: task.id, variables: {}, user: users.leaderA })
      .catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: '/ok', message: 'f1: required' }]);
    expect((await openTask(inst.id, 't')).assignee).toBeNull();
    await strict.completeUserTask({ taskId: task.id, variables: { ok: true }, user: users.leaderA });
    expect((await strict.getInstance(inst.id)).status).toBe('completed');
  });

  it('given a scoped candidate group role@unit, then the task belongs to that unit', async () => {
    const xml = processXml('scoped', userTask('fix', '=&quot;unit.rectifier@&quot; + sourceUnitId'), [
      'start',
      'fix',
      'end',
    ]);
    await rt.deployResources({ resources: [{ name: 's.bpmn', content: xml }] });
    const inst = await rt.startInstance({
      processKey: 'scoped',
      variables: { sourceUnitId: 'B' },
      user: users.catA,
    });
    const task = await openTask(inst.id, 'fix');
    expect(task).toMatchObject({ unitId: 'B', candidateGroups: ['unit.rectifier'] });
    expect(
      (await rt.listTasks({ user: users.rectifierB, scope: 'group', processInstanceId: inst.id })).total,
    ).toBe(1);
    expect(
      (await rt.listTasks({ user: users.rectifierA, scope: 'all', processInstanceId: inst.id })).total,
    ).toBe(0);
  });

  it('given an active instance, when cancelled, then its open tasks are cancelled', async () => {
    const inst = await rt.startInstance({ processKey: 'approval', user: users.catA });
    const task = await openTask(inst.id, 'fill');
    clock.advance(1000);
    const cancelled = await rt.cancelInstance({ instanceId: inst.id, reason: 'test', user: users.catA });
    expect(cancelled.status).toBe('cancelled');
    const [row] = await database.db.select().from(userTasks).where(eq(userTasks.id, task.id));
    expect(row.status).toBe('cancelled');
    expect(await codeOf(() => rt.completeUserTask({ taskId: task.id, user: users.catA }))).toBe('CONFLICT');
    expect(await codeOf(() => rt.cancelInstance({ instanceId: inst.id }))).toBe('CONFLICT');
    expect(await codeOf(() => rt.getInstance('not-a-uuid'))).toBe('NOT_FOUND');
  });
});
