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

  it('given a non-interrupting event subprocess inside a multi-instance subprocess, when deployed, then it is refused (a spawned body cannot spawn its path)', async () => {
    const mi = xml.replace(
      '<bpmn:subProcess id="handle">',
      '<bpmn:subProcess id="handle"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>',
    );
    const r = await compileBpmn(mi);
    expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual([
      'multi-instance-body.side-path@remind',
    ]);
  });
});
