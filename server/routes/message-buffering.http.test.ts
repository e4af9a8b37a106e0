/**
 * @module Message buffering over HTTP on both databases (docs/api.md "Messages, signals, decisions", #13): a message
 * published with `timeToLive` waits for a subscription that opens later (receive task, boundary, event-subprocess
 * start), reaches each process once, expires by the timer poller; `messageId` refuses a repeat while buffered;
 * a message start runs at most one instance per correlation key at a time (Zeebe's rule).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../engine/runtime';
import { bufferedMessages, processInstances } from '../../engine/store/schema';
import type { AppError } from '../../platform/errors';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test"`;
const userTask = (id: string) =>
  `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="admin" /></bpmn:extensionElements></bpmn:userTask>`;
const docMessage = `<bpmn:message id="msgDoc" name="h4.doc"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseNo" /></bpmn:extensionElements></bpmn:message>`;

/** 补充材料 by receive task: the applicant's system may send it before the case reaches this step. */
const WAIT = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h4-buf-wait" name="等待材料" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:receiveTask id="waitDoc" messageRef="msgDoc" />
    ${userTask('check')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="waitDoc" />
    <bpmn:sequenceFlow id="f2" sourceRef="waitDoc" targetRef="check" />
    <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
  </bpmn:process>
  ${docMessage}
</bpmn:definitions>`;

/** The receive task after a first step: the subscription opens in a task completion's step. */
const LATER = WAIT.replace('h4-buf-wait', 'h4-buf-later')
  .replace('<bpmn:startEvent id="start" />', `<bpmn:startEvent id="start" />${userTask('prepare')}`)
  .replace(
    'sourceRef="start" targetRef="waitDoc"',
    'sourceRef="prepare" targetRef="waitDoc" /><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="prepare"',
  );

/** The same message, heard by another process as an interrupting boundary on its review. */
const BOUNDARY = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h4-buf-boundary" name="审核（材料到达即结束）" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('review')}
    <bpmn:boundaryEvent id="docArrived" attachedToRef="review"><bpmn:messageEventDefinition messageRef="msgDoc" /></bpmn:boundaryEvent>
    <bpmn:endEvent id="reviewed" />
    <bpmn:endEvent id="byDoc" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="reviewed" />
    <bpmn:sequenceFlow id="f3" sourceRef="docArrived" targetRef="byDoc" />
  </bpmn:process>
  ${docMessage}
</bpmn:definitions>`;

/** A non-interrupting event subprocess: 补充说明 opens a reading task beside the work. */
const ESP = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h4-buf-esp" name="补充说明" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('work')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:subProcess id="note" triggeredByEvent="true">
      <bpmn:startEvent id="noteArrived" isInterrupting="false"><bpmn:messageEventDefinition messageRef="msgNote" /></bpmn:startEvent>
      ${userTask('readNote')}
      <bpmn:endEvent id="noteRead" />
      <bpmn:sequenceFlow id="s1" sourceRef="noteArrived" targetRef="readNote" />
      <bpmn:sequenceFlow id="s2" sourceRef="readNote" targetRef="noteRead" />
    </bpmn:subProcess>
  </bpmn:process>
  <bpmn:message id="msgNote" name="h4.note"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseNo" /></bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`;

/** A report from the data platform opens a case (message start): one running case per report number. */
const REPORTED = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h4-reported" name="平台上报" isExecutable="true">
    <bpmn:startEvent id="onReport"><bpmn:messageEventDefinition messageRef="msgReport" /></bpmn:startEvent>
    ${userTask('triage')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="onReport" targetRef="triage" />
    <bpmn:sequenceFlow id="f2" sourceRef="triage" targetRef="end" />
  </bpmn:process>
  <bpmn:message id="msgReport" name="h4.report" />
</bpmn:definitions>`;

const HOUR = 3_600_000;

describe.each(testDbKinds())('message buffering over HTTP on %s', (kind) => {
  let server: TestServer;
  const post = async (path: string, json: unknown, as = 'admin') => {
    const res = await server.request(path, { method: 'POST', as, json });
    return { status: res.status, body: (await res.json()) as any };
  };
  const publish = (body: Record<string, unknown>) => post('/api/messages', body);
  const start = async (processKey: string, variables: Record<string, unknown> = {}) => {
    const r = await post('/api/process-instances', { processKey, variables });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const instance = async (id: string) =>
    (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as {
      status: string;
      activeElementIds: string[];
      variables: Record<string, unknown>;
    };
  const tasks = async (id: string) =>
    (
      (await (
        await server.request(`/api/tasks?scope=all&processInstanceId=${id}`, { as: 'admin' })
      ).json()) as {
        items: { id: string; elementId: string }[];
      }
    ).items;
  const buffered = (correlationKey: string) =>
    server.deps.db.select().from(bufferedMessages).where(eq(bufferedMessages.correlationKey, correlationKey));
  const reportedWith = (businessKey: string) =>
    server.deps.db
      .select()
      .from(processInstances)
      .where(
        and(eq(processInstances.processKey, 'h4-reported'), eq(processInstances.businessKey, businessKey)),
      );
  /** Moves the test clock (the poller's pass, with the buffer's sweep, runs before the answer). */
  const clockTo = async (at: Date) => {
    const res = await server.request('/api/test/clock', {
      method: 'PUT',
      as: 'admin',
      json: { now: at.toISOString() },
    });
    expect(res.status).toBe(200);
  };
  const now = () => server.deps.clock.now();

  beforeAll(async () => {
    server = await createTestServer(kind);
    const r = await post('/api/deployments', {
      resources: [
        { name: 'wait.bpmn', content: WAIT },
        { name: 'boundary.bpmn', content: BOUNDARY },
        { name: 'later.bpmn', content: LATER },
        { name: 'esp.bpmn', content: ESP },
        { name: 'reported.bpmn', content: REPORTED },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }, 120_000);
  afterAll(() => server?.close());

  it('given a message with a time to live that nobody waits for, when a receive task opens, then it takes the message at once; the process takes it once, another process too', async () => {
    // given 补充材料 for case C1 arrives before any case waits
    const r = await publish({
      name: 'h4.doc',
      correlationKey: 'C1',
      variables: { pages: 7 },
      timeToLive: HOUR,
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ correlated: 0, messageKey: expect.any(String) });
    expect(await buffered('C1')).toHaveLength(1);
    // when case C1 reaches its receive task
    const a = await start('h4-buf-wait', { caseNo: 'C1' });
    // then it moved on with the message's variables
    expect(await instance(a)).toMatchObject({ activeElementIds: ['check'], variables: { pages: 7 } });
    // and a second instance of the same process does not take it again (Zeebe: once per process)
    const b = await start('h4-buf-wait', { caseNo: 'C1' });
    expect((await instance(b)).activeElementIds).toEqual(['waitDoc']);
    // while another process's boundary still receives it: its review is interrupted
    const c = await start('h4-buf-boundary', { caseNo: 'C1' });
    expect(await instance(c)).toMatchObject({ status: 'completed', activeElementIds: [] });
    expect(await tasks(c)).toEqual([]);
  });

  it('given buffered messages, when an event subprocess opens at start or a task completion reaches the receive task, then each is delivered in that step', async () => {
    // given 补充说明 for C2 published before its case starts
    await publish({ name: 'h4.note', correlationKey: 'C2', variables: { note: '补充' }, timeToLive: HOUR });
    // when the case starts, its event subprocess's start subscribes: the note opens beside the work
    const id = await start('h4-buf-esp', { caseNo: 'C2' });
    expect((await instance(id)).activeElementIds.sort()).toEqual(['readNote', 'work']);
    // given 补充材料 for C2d, and a case that first prepares
    await publish({ name: 'h4.doc', correlationKey: 'C2d', variables: { pages: 2 }, timeToLive: HOUR });
    const later = await start('h4-buf-later', { caseNo: 'C2d' });
    expect((await instance(later)).activeElementIds).toEqual(['prepare']);
    // when the preparation is completed, the case reaches the receive task and takes the message in that step
    const [prepare] = await tasks(later);
    const done = await server.request(`/api/tasks/${prepare?.id}/complete`, {
      method: 'POST',
      as: 'admin',
      json: { variables: {} },
    });
    expect(done.status).toBe(200);
    expect(await instance(later)).toMatchObject({ activeElementIds: ['check'], variables: { pages: 2 } });
    // a message correlated at once to a waiting case is still buffered for processes it has not reached
    const r = await publish({ name: 'h4.note', correlationKey: 'C2', timeToLive: HOUR });
    expect(r.body.correlated).toBe(1);
    const second = await start('h4-buf-esp', { caseNo: 'C2' });
    expect((await instance(second)).activeElementIds).toEqual(['work']);
  });

  it('given a message past its time to live, then the poller drops it and a case that opens later does not receive it', async () => {
    await publish({ name: 'h4.doc', correlationKey: 'C3', timeToLive: 60_000 });
    expect(await buffered('C3')).toHaveLength(1);
    // when two minutes pass
    await clockTo(new Date(now().getTime() + 2 * 60_000));
    // then the message is gone, and the case waits
    expect(await buffered('C3')).toHaveLength(0);
    const id = await start('h4-buf-wait', { caseNo: 'C3' });
    expect((await instance(id)).activeElementIds).toEqual(['waitDoc']);
  });

  it('refuses a second publication with the same messageId while the first is buffered (409, in Chinese), and nothing changes; after expiry the id is free', async () => {
    const first = await publish({
      name: 'h4.doc',
      correlationKey: 'C4',
      messageId: 'M-1',
      variables: { pages: 1 },
      timeToLive: HOUR,
    });
    expect(first.status).toBe(200);
    const again = await publish({
      name: 'h4.doc',
      correlationKey: 'C4',
      messageId: 'M-1',
      variables: { pages: 2 },
      timeToLive: HOUR,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已发布') });
    expect(await buffered('C4')).toHaveLength(1);
    // the case receives the first message, not the refused one
    const id = await start('h4-buf-wait', { caseNo: 'C4' });
    expect((await instance(id)).variables.pages).toBe(1);
    // a refused duplicate without a time to live changes nothing either (no waiting case of another process reached)
    const waiting = await start('h4-buf-wait', { caseNo: 'C4-other' });
    const dup = await publish({ name: 'h4.doc', correlationKey: 'C4', messageId: 'M-1' });
    expect(dup.status).toBe(409);
    expect((await instance(waiting)).activeElementIds).toEqual(['waitDoc']);
    // after the first expired, the id may be used again
    await publish({ name: 'h4.doc', correlationKey: 'C5', messageId: 'M-2', timeToLive: 60_000 });
    await clockTo(new Date(now().getTime() + 2 * 60_000));
    const reused = await publish({
      name: 'h4.doc',
      correlationKey: 'C5',
      messageId: 'M-2',
      timeToLive: 60_000,
    });
    expect(reused.status).toBe(200);
  });

  it('starts at most one running instance per correlation key by message; a buffered repeat starts the next once the first ended', async () => {
    // given report R1 opened a case
    expect((await publish({ name: 'h4.report', correlationKey: 'R1' })).body).toEqual({ correlated: 1 });
    // when R1 is reported again while that case runs (buffered for an hour)
    const again = await publish({
      name: 'h4.report',
      correlationKey: 'R1',
      variables: { round: 2 },
      timeToLive: HOUR,
    });
    // then no second case starts; another report number does
    expect(again.body.correlated).toBe(0);
    expect(await reportedWith('R1')).toHaveLength(1);
    expect((await publish({ name: 'h4.report', correlationKey: 'R2' })).body).toEqual({ correlated: 1 });
    // the server's own correlation (runtime.correlateMessage) is refused the same way, in Chinese, starting nothing
    const runtime = server.deps.services.runtime as Runtime;
    const refused = await runtime
      .correlateMessage({ messageName: 'h4.report', correlationKey: 'R2' })
      .catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('仍在运行') });
    expect(await reportedWith('R2')).toHaveLength(1);
    await clockTo(now());
    expect(await reportedWith('R1')).toHaveLength(1);
    // when the first R1 case ends
    const [first] = await reportedWith('R1');
    const [triage] = await tasks(first?.id as string);
    const done = await server.request(`/api/tasks/${triage?.id}/complete`, {
      method: 'POST',
      as: 'admin',
      json: { variables: {} },
    });
    expect(done.status).toBe(200);
    // then the poller's next pass starts the buffered R1 report as a new case
    await clockTo(now());
    const cases = await reportedWith('R1');
    expect(cases).toHaveLength(2);
    expect(cases.find((c) => c.id !== first?.id)).toMatchObject({
      status: 'active',
      variables: { round: 2 },
    });
    // and it does not start a third on the pass after
    await clockTo(now());
    expect(await reportedWith('R1')).toHaveLength(2);
  });

  it('given two publications racing, then one messageId is buffered once (the other 409) and one key starts one case', async () => {
    // when the same message id is published twice at once
    const same = { name: 'h4.doc', correlationKey: 'C7', messageId: 'M-7', timeToLive: HOUR };
    const ids = await Promise.all([publish(same), publish(same)]);
    // then exactly one is taken and one refused, and one message is buffered
    expect(ids.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await buffered('C7')).toHaveLength(1);
    // when report R7 arrives three times at once
    const starts = await Promise.all(
      [1, 2, 3].map(() => publish({ name: 'h4.report', correlationKey: 'R7' })),
    );
    // then one case runs for it
    expect(starts.map((r) => r.body.correlated).sort()).toEqual([0, 0, 1]);
    expect(await reportedWith('R7')).toHaveLength(1);
  });

  it('answers a negative or fractional timeToLive and an empty messageId with 400, and buffers nothing', async () => {
    for (const bad of [{ timeToLive: -1 }, { timeToLive: 1.5 }, { messageId: '' }]) {
      const r = await publish({ name: 'h4.doc', correlationKey: 'C9', ...bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await buffered('C9')).toHaveLength(0);
  });
});
