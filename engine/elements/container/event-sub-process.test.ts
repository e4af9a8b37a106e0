/** @module Event subprocesses: message, timer and error starts; interrupting and not; at the top level and nested. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'event-sub-process.bpmn');
const top = () => deploy(xml, { processId: 'eventSubProcessDemo' });
const nested = () => deploy(xml, { processId: 'nestedErrorDemo' });

describe('event subprocess at the top level', () => {
  it('given a running instance, when it starts, then every trigger is armed with the scope', async () => {
    const h = (await top()).start({ caseId: 'C-1' });
    expect([...h.subscriptions.values()].map((s) => [s.messageName, s.correlationKey]).sort()).toEqual([
      ['撤回申请', 'C-1'],
      ['补充材料', 'C-1'],
    ]);
    expect(h.timer('tooLate').dueAt).toBe('2026-04-01T01:00:00.000Z');
    expect(h.active).toEqual(['review']);
  });

  it('given a non-interrupting message start, when the message arrives twice, then two paths run beside the task and the instance waits for them', async () => {
    const h = (await top()).start({ caseId: 'C-1' });
    h.correlate('补充材料', { note: '营业执照' }, 'C-1');
    h.correlate('补充材料', { note: '授权书' }, 'C-1');
    expect(h.active.sort()).toEqual(['checkSupplement', 'checkSupplement', 'review']);
    expect(h.vars.note).toBe('授权书');
    h.completeTask('review');
    expect(h.status).toBe('active');
    h.completeTask('checkSupplement');
    h.completeTask('checkSupplement');
    expect(h.status).toBe('completed');
    // The instance is over: the triggers it still held are closed.
    expect(h.subscriptions.size).toBe(0);
    expect(h.timers.size).toBe(0);
  });

  it('given an interrupting message start, when the message arrives, then the task is cancelled and the event subprocess ends the instance', async () => {
    const h = (await top()).start({ caseId: 'C-1' });
    h.correlate('撤回申请', {}, 'C-1');
    expect(h.active).toEqual(['withdraw', 'notifyWithdrawn']);
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'review#1', reason: 'cancelled' });
    expect(h.subscriptions.size).toBe(0);
    expect(h.timers.size).toBe(0);
    h.completeJob('notifyWithdrawn');
    expect(h.status).toBe('completed');
    expect(h.trail).toEqual(
      expect.arrayContaining(['event-subprocess.triggered:withdraw', 'element.completed:withdraw']),
    );
  });

  it('given a supplement path running, when the interrupting 撤回 arrives, then that path is ended too and the instance completes through the event subprocess', async () => {
    const h = (await top()).start({ caseId: 'C-1' });
    h.correlate('补充材料', {}, 'C-1');
    expect(h.tasks.size).toBe(2);
    h.correlate('撤回申请', {}, 'C-1');
    expect(h.tasks.size).toBe(0);
    expect(h.active).toEqual(['withdraw', 'notifyWithdrawn']);
    h.completeJob('notifyWithdrawn');
    expect(h.status).toBe('completed');
  });

  it('given an interrupting timer start, when it fires, then the instance ends through the event subprocess', async () => {
    const h = (await top()).start({ caseId: 'C-1' });
    h.fireTimer('tooLate');
    expect(h.status).toBe('completed');
    expect(h.trail).toContain('element.completed:closedAsOverdue');
  });
});

describe('event subprocess in a subprocess', () => {
  it('given an error start, when a worker throws its code inside the subprocess, then the body is left for the handler and the subprocess then completes normally', async () => {
    const h = (await nested()).start();
    h.throwError('check', 'INVALID');
    expect(h.active).toEqual(['handle', 'onInvalid', 'fix']);
    expect(h.status).toBe('active');
    h.completeTask('fix');
    expect(h.active).toEqual(['after']);
  });

  it('given an error code no event subprocess catches, when thrown, then it is an incident as before', async () => {
    const h = (await nested()).start();
    h.throwError('check', 'OTHER');
    expect(h.status).toBe('incident');
  });

  it('given a non-interrupting timer cycle, when it fires, then a reminder path runs and the cycle is cancelled when the subprocess ends', async () => {
    const h = (await nested()).start();
    h.completeJob('check');
    h.fireTimer('everyDay');
    expect(h.active.sort()).toEqual(['decide', 'handle', 'sendReminder']);
    h.completeJob('sendReminder');
    h.completeTask('decide');
    expect(h.active).toEqual(['after']);
    expect(h.timers.size).toBe(0);
  });
});

describe('event subprocess in a subprocess, waiting', () => {
  it('given a reminder path still running, when the subprocess body ends, then the subprocess waits for it before moving on', async () => {
    const h = (await nested()).start();
    h.completeJob('check');
    h.fireTimer('everyDay');
    h.completeTask('decide');
    expect(h.active).toEqual(['handle', 'sendReminder']);
    expect(h.timers.size).toBe(0);
    h.completeJob('sendReminder');
    expect(h.active).toEqual(['after']);
  });
});

const interrupted = () => deploy(xml, { processId: 'interruptedSubprocessDemo' });

describe('an interrupted subprocess ends the paths running inside it', () => {
  it('given a 补充说明 path and a reminder path running in the subprocess, when an interrupting boundary leaves it, then both paths end and their work is cancelled', async () => {
    const h = (await interrupted()).start({ caseId: 'C-7' });
    h.correlate('补充说明', {}, 'C-7');
    h.fireTimer('nudge');
    expect(h.active.sort()).toEqual(['doWork', 'nudgeWorker', 'readInfo', 'work']);
    h.correlate('取消办理', {}, 'C-7');
    expect(h.active).toEqual(['cancelled']);
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'readInfo#1', reason: 'cancelled' });
    expect(h.effects).toContainEqual(
      expect.objectContaining({ type: 'job.cancelled', jobKey: 'nudgeWorker#2' }),
    );
    expect([...h.tasks.keys()]).toEqual(['cancelled#1']);
    expect(h.jobs.size).toBe(0);
    expect(h.trail).toContain('side-paths.stopped:work');
    h.completeTask('cancelled');
    expect(h.status).toBe('completed');
  });

  it("given a 补充说明 path running, when the subprocess's interrupting timer event subprocess fires, then the path ends and the subprocess completes through it", async () => {
    const h = (await interrupted()).start({ caseId: 'C-7' });
    h.correlate('补充说明', {}, 'C-7');
    h.fireTimer('deadlinePassed');
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'readInfo#1', reason: 'cancelled' });
    expect(h.active).toEqual(['archive']);
    expect([...h.tasks.keys()]).toEqual(['archive#1']);
  });

  it('given a 补充说明 path running, when the instance is moved out of the subprocess, then the path ends with it', async () => {
    const h = (await interrupted()).start({ caseId: 'C-7' });
    h.correlate('补充说明', {}, 'C-7');
    h.send({ type: 'token.move', targets: ['archive'], history: 'instance.modified' });
    expect(h.active).toEqual(['archive']);
    expect([...h.tasks.keys()]).toEqual(['archive#1']);
  });

  it('given a 补充说明 path running, when the body reaches a terminate end event, then the subprocess ends at once and the path with it', async () => {
    const terminating = xml.replace(
      '<bpmn:endEvent id="w9" />',
      '<bpmn:endEvent id="w9"><bpmn:terminateEventDefinition /></bpmn:endEvent>',
    );
    const h = (await deploy(terminating, { processId: 'interruptedSubprocessDemo' })).start({
      caseId: 'C-7',
    });
    h.correlate('补充说明', {}, 'C-7');
    h.completeTask('doWork');
    expect(h.active).toEqual(['archive']);
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'readInfo#1', reason: 'cancelled' });
    expect([...h.tasks.keys()]).toEqual(['archive#1']);
  });

  it('given a 补充说明 path running, when the body completes, then the subprocess still waits for the path (completion is no interruption)', async () => {
    const h = (await interrupted()).start({ caseId: 'C-7' });
    h.correlate('补充说明', {}, 'C-7');
    h.completeTask('doWork');
    expect(h.active.sort()).toEqual(['readInfo', 'work']);
    h.completeTask('readInfo');
    expect(h.active).toEqual(['archive']);
  });
});

describe('event subprocess refused', () => {
  it('given an event subprocess with a none start, when deployed, then it is refused with a Chinese message', async () => {
    const r = await compileBpmn(
      xml.replace(
        '<bpmn:timerEventDefinition id="td1"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P30D</bpmn:timeDuration></bpmn:timerEventDefinition>',
        '',
      ),
    );
    expect(r.ok).toBe(false);
    const found = !r.ok && r.issues.find((i) => i.elementId === 'tooLate');
    expect(found).toMatchObject({ code: 'event-subprocess.start' });
  });

  it('given a non-interrupting event subprocess inside a nested multi-instance subprocess, when deployed, then it is refused with the reason', async () => {
    const nestedMi = xml
      .replace(
        '<bpmn:subProcess id="handle">',
        '<bpmn:subProcess id="outer"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics><bpmn:startEvent id="o0" /><bpmn:sequenceFlow id="o1" sourceRef="o0" targetRef="handle" /><bpmn:endEvent id="o9" /><bpmn:sequenceFlow id="o2" sourceRef="handle" targetRef="o9" /><bpmn:subProcess id="handle"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>',
      )
      .replace('<bpmn:userTask id="after" />', '</bpmn:subProcess><bpmn:userTask id="after" />')
      .replace('sourceRef="n0" targetRef="handle"', 'sourceRef="n0" targetRef="outer"')
      .replace('sourceRef="handle" targetRef="after"', 'sourceRef="outer" targetRef="after"');
    const r = await compileBpmn(nestedMi);
    const found = !r.ok && r.issues.find((i) => i.code === 'multi-instance-body.side-path');
    expect(found).toMatchObject({ elementId: 'remind' });
    expect(found ? found.message : '').toContain('嵌套的多实例子流程');
  });
});

const perUnit = () => deploy(xml, { processId: 'multiInstanceEventSubProcessDemo' });

describe('non-interrupting event subprocess inside a multi-instance subprocess', () => {
  it('given two unit bodies, when started, then each body arms its own trigger with its own unit as key', async () => {
    const h = (await perUnit()).start({ units: ['A', 'B'], caseId: 'C-9' });
    const subs = [...h.subscriptions.values()].filter((s) => s.messageName === '单位补充');
    expect(subs.map((s) => s.correlationKey).sort()).toEqual(['A', 'B']);
    expect(new Set(subs.map((s) => s.subscriptionKey)).size).toBe(2);
  });

  it("given unit A's supplement arrives, when its path runs, then only body A runs it and A completes only after the path", async () => {
    const h = (await perUnit()).start({ units: ['A', 'B'], caseId: 'C-9' });
    h.correlate('单位补充', { note: 'A 的材料' }, 'A');
    expect(h.active.filter((a) => a === 'readUnitSupplement')).toHaveLength(1);
    const read = h.task('readUnitSupplement');
    const checkA = [...h.tasks.values()].find(
      (t) => t.elementId === 'checkUnit' && t.activation === read.activation,
    );
    expect(checkA).toBeUndefined(); // the path's activation is its own spawn number, never the body's
    const bodyOf = (t: { activation: number }) => Math.floor(t.activation / 1_000_000);
    expect(bodyOf(read)).toBeGreaterThan(0);
    // Complete unit A's check: body A waits for its supplement path.
    const checks = [...h.tasks.values()].filter((t) => t.elementId === 'checkUnit');
    const a = checks.find((t) => t.activation === bodyOf(read)) as (typeof checks)[number];
    h.send({ type: 'task.complete', elementId: 'checkUnit', activation: a.activation, variables: {} });
    expect(h.active.sort()).toEqual(['checkUnit', 'perUnit', 'readUnitSupplement']);
    h.completeTask('readUnitSupplement');
    expect(h.active.sort()).toEqual(['checkUnit', 'perUnit']);
    h.completeTask('checkUnit');
    expect(h.active).toEqual(['summarize']);
    expect(h.vars.note).toBe('A 的材料');
    expect(h.subscriptions.size).toBe(0);
  });

  it("given a supplement path running in a body, when an interrupting boundary leaves the multi-instance subprocess, then the path's task closes too", async () => {
    const h = (await perUnit()).start({ units: ['A', 'B'], caseId: 'C-9' });
    h.correlate('单位补充', {}, 'B');
    const read = h.task('readUnitSupplement');
    h.correlate('停止核查', {}, 'C-9');
    expect(h.status).toBe('completed');
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: read.taskKey, reason: 'cancelled' });
    expect(h.tasks.size).toBe(0);
    expect(h.subscriptions.size).toBe(0);
  });
});
