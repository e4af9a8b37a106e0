/** @module Timers, jobs, incidents, call activities and messages on both databases. */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../platform/db/testing';
import { historyEvents, incidents, jobs, processInstances, timers, userTasks } from '../store';
import { childXml, messageXml, parentXml, scriptXml, serviceXml, timerXml } from './testing/fixtures';
import { codeOf, testRuntime, users } from './testing/harness';

const HOUR = 3_600_000;

describe.each(testDbKinds())('durable work on %s', (kind) => {
  let database: Database;
  let h: ReturnType<typeof testRuntime>;
  let failuresLeft = 0;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    h = testRuntime(database, {
      workers: {
        publish: async (job) => {
          // A domain write in the job's transaction: it must commit or roll back with the step.
          await job.tx
            .insert(historyEvents)
            .values({ instanceId: job.instanceId, at: new Date(), type: 'domain.published' });
          if (failuresLeft > 0) {
            failuresLeft--;
            throw new Error('catalog unavailable');
          }
          return { variables: { entryId: `E-${job.businessKey ?? 'x'}` } };
        },
      },
    });
    const resources = [timerXml, serviceXml, parentXml, childXml, messageXml, scriptXml].map(
      (content, i) => ({ name: `p${i}.bpmn`, content }),
    );
    await h.runtime.deployResources({ resources });
  });
  afterAll(async () => database?.close());

  const tasksOf = (instanceId: string) =>
    database.db.select().from(userTasks).where(eq(userTasks.instanceId, instanceId));
  const domainWrites = async (instanceId: string) =>
    (
      await database.db
        .select()
        .from(historyEvents)
        .where(and(eq(historyEvents.instanceId, instanceId), eq(historyEvents.type, 'domain.published')))
    ).length;

  it('given a 1-hour timer, when the clock passes it, then it fires once and the flow moves on', async () => {
    const { runtime, clock } = h;
    const inst = await runtime.startInstance({ processKey: 'timed', user: users.catA });
    expect(await runtime.fireDueTimers()).toBe(0);
    clock.advance(HOUR);
    expect(await runtime.fireDueTimers()).toBe(1);
    expect(await runtime.fireDueTimers()).toBe(0);
    expect((await runtime.getInstance(inst.id)).activeElementIds).toEqual(['after']);
    expect((await tasksOf(inst.id)).map((t) => t.elementId)).toEqual(['after']);
  });

  it('given 1,000 due timers, when two pollers race, then each timer fires exactly once', async () => {
    const a = h;
    const b = testRuntime(database);
    b.clock.set(a.clock.now());
    const ids: string[] = [];
    for (let i = 0; i < 1000; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, () => a.runtime.startInstance({ processKey: 'timed', user: users.catA })),
      );
      ids.push(...batch.map((x) => x.id));
    }
    a.clock.advance(HOUR);
    b.clock.set(a.clock.now());
    const [firedA, firedB] = await Promise.all([a.runtime.fireDueTimers(), b.runtime.fireDueTimers()]);
    expect(firedA + firedB).toBe(1000);
    if (kind === 'postgres') expect(Math.min(firedA, firedB)).toBeGreaterThan(0);
    const perInstance = await database.db
      .select({ id: userTasks.instanceId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(userTasks)
      .where(
        sql`${userTasks.instanceId} in (select id from process_instances where process_key = 'timed') and ${userTasks.elementId} = 'after'`,
      )
      .groupBy(userTasks.instanceId);
    expect(perInstance.filter((r) => ids.includes(r.id))).toHaveLength(1000);
    expect(perInstance.every((r) => r.n === 1)).toBe(true);
    const left = await database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(timers)
      .where(eq(timers.status, 'scheduled'));
    expect(left[0].n).toBe(0);
  }, 240_000);

  it('given a service task, when the worker succeeds, then its domain write and the step commit together', async () => {
    const inst = await h.runtime.startInstance({ processKey: 'served', businessKey: 'B1', user: users.catA });
    expect(await h.runtime.runDueJobs()).toBe(1);
    const after = await h.runtime.getInstance(inst.id);
    expect(after).toMatchObject({
      status: 'active',
      activeElementIds: ['after'],
      variables: { entryId: 'E-B1' },
    });
    expect(await domainWrites(inst.id)).toBe(1);
  });

  it('given a failing worker, then each attempt rolls back, retries back off, an incident stops it and retry resumes it', async () => {
    const { runtime, clock } = h;
    const inst = await runtime.startInstance({ processKey: 'served', user: users.catA });
    const [before] = await database.db
      .select()
      .from(processInstances)
      .where(eq(processInstances.id, inst.id));
    failuresLeft = 2;
    expect(await runtime.runDueJobs()).toBe(1);
    // The aborted step transaction left the instance exactly as it was, and the worker's write is gone.
    const [mid] = await database.db.select().from(processInstances).where(eq(processInstances.id, inst.id));
    expect(mid).toMatchObject({ version: before.version, status: 'active', snapshot: before.snapshot });
    expect(await domainWrites(inst.id)).toBe(0);
    const [job] = await database.db.select().from(jobs).where(eq(jobs.instanceId, inst.id));
    expect(job).toMatchObject({ retriesLeft: 1, lastError: 'catalog unavailable', status: 'ready' });
    expect(await runtime.runDueJobs()).toBe(0); // backing off
    clock.advance(1500);
    expect(await runtime.runDueJobs()).toBe(1);
    expect((await runtime.getInstance(inst.id)).status).toBe('incident');
    const [incident] = await database.db.select().from(incidents).where(eq(incidents.instanceId, inst.id));
    expect(incident).toMatchObject({ type: 'JOB_FAILED', status: 'open', elementId: 'publish' });
    clock.advance(HOUR);
    expect(await runtime.runDueJobs()).toBe(0);
    await runtime.retryIncident({ incidentId: incident.id, user: users.reviewer });
    expect(await codeOf(() => runtime.retryIncident({ incidentId: incident.id }))).toBe('CONFLICT');
    expect(await runtime.runDueJobs()).toBe(1);
    expect(await runtime.getInstance(inst.id)).toMatchObject({
      status: 'active',
      activeElementIds: ['after'],
    });
    expect(await domainWrites(inst.id)).toBe(1);
    const types = (await runtime.getHistory(inst.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['incident.raised', 'incident.resolved']));
  });

  it('given a FEEL error, then the engine incident is stored and the instance shows it', async () => {
    const inst = await h.runtime.startInstance({ processKey: 'scripted', user: users.catA });
    expect(inst.status).toBe('incident');
    const list = await h.runtime.listIncidents(inst.id);
    expect(list).toMatchObject([
      { type: 'expression', expression: '=10 / divisor', status: 'open', elementId: 'calc' },
    ]);
    await h.runtime.retryIncident({ incidentId: list[0].id });
    // Still failing (nothing changed): the old incident is resolved and a new one raised.
    const again = await h.runtime.listIncidents(inst.id);
    expect(again.filter((i) => i.status === 'open')).toHaveLength(1);
    expect((await h.runtime.getInstance(inst.id)).status).toBe('incident');
  });

  it('given a call activity, then the child is its own instance and its end resumes the parent in the same transaction', async () => {
    const parent = await h.runtime.startInstance({
      processKey: 'parent',
      businessKey: 'P1',
      variables: { orderId: 'o9' },
      user: users.catA,
    });
    expect(parent.activeElementIds).toEqual(['call']);
    const [child] = await database.db
      .select()
      .from(processInstances)
      .where(eq(processInstances.parentInstanceId, parent.id));
    expect(child).toMatchObject({ processKey: 'child', businessKey: 'P1', unitId: 'A', status: 'active' });
    expect(child.variables).toMatchObject({ orderId: 'o9', initiator: 'a.cataloguer' });
    const [task] = await tasksOf(child.id);
    await h.runtime.completeUserTask({
      taskId: task.id,
      variables: { childResult: 42 },
      user: users.leaderA,
    });
    expect(await h.runtime.getInstance(child.id)).toMatchObject({ status: 'completed' });
    expect(await h.runtime.getInstance(parent.id)).toMatchObject({
      activeElementIds: ['after'],
      variables: { childResult: 42 },
    });
  });

  it('given a parent waiting on a child, when the parent is cancelled, then the child is cancelled too', async () => {
    const parent = await h.runtime.startInstance({ processKey: 'parent', user: users.catA });
    const [child] = await database.db
      .select()
      .from(processInstances)
      .where(eq(processInstances.parentInstanceId, parent.id));
    await h.runtime.cancelInstance({ instanceId: parent.id, reason: 'withdrawn' });
    expect((await h.runtime.getInstance(child.id)).status).toBe('cancelled');
    expect((await tasksOf(child.id)).map((t) => t.status)).toEqual(['cancelled']);
  });

  it('given a timer start event R2/PT1H, then each fire starts an instance, twice, and a redeploy replaces it', async () => {
    const xml = (name: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://huiliu.example/test">
  <bpmn:process id="hourly" name="${name}" isExecutable="true">
    <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f" sourceRef="tick" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
    const count = async () => (await h.runtime.listInstances({ processKey: 'hourly' })).total;
    await h.runtime.deployResources({ resources: [{ name: 'hourly.bpmn', content: xml('v1') }] });
    h.clock.advance(HOUR);
    await h.runtime.fireDueTimers();
    expect(await count()).toBe(1);
    h.clock.advance(HOUR);
    await h.runtime.fireDueTimers();
    h.clock.advance(HOUR);
    await h.runtime.fireDueTimers();
    expect(await count()).toBe(2);
    // A new version schedules its own start timer and cancels nothing that still matters.
    await h.runtime.deployResources({ resources: [{ name: 'hourly.bpmn', content: xml('v2') }] });
    h.clock.advance(HOUR);
    await h.runtime.fireDueTimers();
    const list = await h.runtime.listInstances({ processKey: 'hourly' });
    expect(list.total).toBe(3);
    expect(list.items[0].version).toBe(2);
  });

  it('given two instances waiting for a message, when it is correlated by key, then only the matching one moves', async () => {
    const one = await h.runtime.startInstance({
      processKey: 'paying',
      variables: { orderId: 'o1' },
      user: users.catA,
    });
    const two = await h.runtime.startInstance({
      processKey: 'paying',
      variables: { orderId: 'o2' },
      user: users.catA,
    });
    const hit = await h.runtime.correlateMessage({
      messageName: 'paid',
      correlationKey: 'o2',
      variables: { amount: 5 },
    });
    expect(hit).toEqual({ instanceId: two.id, started: false });
    expect(await h.runtime.getInstance(two.id)).toMatchObject({
      status: 'completed',
      variables: { amount: 5 },
    });
    expect((await h.runtime.getInstance(one.id)).status).toBe('active');
    expect(
      await codeOf(() => h.runtime.correlateMessage({ messageName: 'paid', correlationKey: 'o2' })),
    ).toBe('NOT_FOUND');
  });

  it('given the background loops started, then a new job runs right after its step commits, without polling by hand', async () => {
    await h.runtime.start();
    try {
      const inst = await h.runtime.startInstance({
        processKey: 'served',
        businessKey: 'BG',
        user: users.catA,
      });
      const deadline = Date.now() + 10_000;
      let current = await h.runtime.getInstance(inst.id);
      while (current.activeElementIds[0] !== 'after' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        current = await h.runtime.getInstance(inst.id);
      }
      expect(current).toMatchObject({ activeElementIds: ['after'], variables: { entryId: 'E-BG' } });
    } finally {
      await h.runtime.stop();
    }
  });
});
