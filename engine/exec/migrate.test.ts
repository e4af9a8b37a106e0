/** @module migrateSnapshot: boundary triggers keep their ids, and event subprocesses the target adds are armed. */
import { describe, expect, it } from 'vitest';
import { deploy } from '../testing';
import { migrateSnapshot } from './migrate';

// As the data-problem process's 整改反馈: a user task with a non-interrupting cycle timer (a daily reminder).
const process = (evsub: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://huiliu/test">
  <bpmn:message id="msg-urge" name="urge" />
  <bpmn:process id="rectifyMig" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="rectify" name="整改反馈" />
    <bpmn:boundaryEvent id="rectify-overdue" attachedToRef="rectify" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:userTask id="remind" name="催办" />
    <bpmn:endEvent id="end-reminded" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="rectify" />
    <bpmn:sequenceFlow id="f2" sourceRef="rectify" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="rectify-overdue" targetRef="remind" />
    <bpmn:sequenceFlow id="f4" sourceRef="remind" targetRef="end-reminded" />
    ${evsub}
  </bpmn:process>
</bpmn:definitions>`;

const urgeEvsub = `<bpmn:subProcess id="urged" triggeredByEvent="true">
      <bpmn:startEvent id="urge-start" isInterrupting="false">
        <bpmn:messageEventDefinition messageRef="msg-urge" />
      </bpmn:startEvent>
      <bpmn:userTask id="answer-urge" name="答复督办" />
      <bpmn:endEvent id="urge-end" />
      <bpmn:sequenceFlow id="u1" sourceRef="urge-start" targetRef="answer-urge" />
      <bpmn:sequenceFlow id="u2" sourceRef="answer-urge" targetRef="urge-end" />
    </bpmn:subProcess>`;

const weeklyEvsub = `<bpmn:subProcess id="weekly" triggeredByEvent="true">
      <bpmn:startEvent id="weekly-start" isInterrupting="false">
        <bpmn:timerEventDefinition><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition>
      </bpmn:startEvent>
      <bpmn:userTask id="weekly-report" name="周报" />
      <bpmn:endEvent id="weekly-end" />
      <bpmn:sequenceFlow id="w1" sourceRef="weekly-start" targetRef="weekly-report" />
      <bpmn:sequenceFlow id="w2" sourceRef="weekly-report" targetRef="weekly-end" />
    </bpmn:subProcess>`;

describe('migrateSnapshot and boundary triggers', () => {
  it('given an instance waiting at a task with a non-interrupting timer boundary, when migrated to a version that keeps it, then it migrates and the timer stays', async () => {
    const h = (await deploy(process(''))).start();
    expect(h.timer('rectify-overdue')).toBeTruthy();
    const v2 = await deploy(process(urgeEvsub));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), []);
    if (!m.ok) throw new Error(m.reason);
    expect(m.activeElementIds).toEqual(['rectify']);
    // the reminder still fires on the target and spawns its path there
    v2.snapshot = JSON.stringify(m.snapshot);
    v2.timers.set('rectify-overdue#1', h.timer('rectify-overdue'));
    v2.tasks.set('rectify#1', h.task('rectify'));
    v2.fireTimer('rectify-overdue');
    expect(v2.active.sort()).toEqual(['rectify', 'remind']);
  });

  it('given a running reminder path, when migrated to the same diagram with an event subprocess added, then the path migrates too', async () => {
    const h = (await deploy(process(''))).start();
    h.fireTimer('rectify-overdue');
    const v2 = await deploy(process(urgeEvsub));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), []);
    if (!m.ok) throw new Error(m.reason);
    expect(m.activeElementIds.sort()).toEqual(['rectify', 'remind']);
  });
});

describe('migrateSnapshot and event subprocesses the target adds', () => {
  it('given an instance of a version without it, when migrated to one with a non-interrupting message event subprocess, then its subscription is armed and a message starts it', async () => {
    const h = (await deploy(process(''))).start();
    const v2 = await deploy(process(urgeEvsub));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), [], {
      at: '2026-03-03T01:00:00.000Z',
    });
    if (!m.ok) throw new Error(m.reason);
    const subscribed = m.effects.filter((e) => e.type === 'message.subscribed');
    expect(subscribed).toMatchObject([{ messageName: 'urge', elementId: 'urge-start' }]);
    v2.snapshot = JSON.stringify(m.snapshot);
    v2.tasks.set('rectify#1', h.task('rectify'));
    for (const e of subscribed)
      if (e.type === 'message.subscribed') v2.subscriptions.set(e.subscriptionKey, e);
    v2.correlate('urge');
    expect(v2.active.sort()).toEqual(['answer-urge', 'rectify']);
  });

  it('given a timer event subprocess the target adds, when migrated, then its timer is scheduled from the migration time', async () => {
    const h = (await deploy(process(''))).start();
    const v2 = await deploy(process(weeklyEvsub));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), [], {
      at: '2026-03-03T01:00:00.000Z',
    });
    if (!m.ok) throw new Error(m.reason);
    expect(m.effects).toMatchObject([
      { type: 'timer.scheduled', elementId: 'weekly-start', dueAt: '2026-03-10T01:00:00.000Z' },
    ]);
  });

  it('given an instance whose version already has the event subprocess, when migrated, then nothing is armed again', async () => {
    const h = (await deploy(process(urgeEvsub))).start();
    const v2 = await deploy(process(urgeEvsub).replace('name="整改反馈"', 'name="整改反馈（新）"'));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), []);
    if (!m.ok) throw new Error(m.reason);
    expect(m.effects).toEqual([]);
  });
});

describe('migrateSnapshot and event subprocesses the target adds to a subprocess', () => {
  const nested = (evsub: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://huiliu/test">
  <bpmn:message id="msg-urge" name="urge" />
  <bpmn:process id="nestedMig" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="before" name="登记" />
    <bpmn:subProcess id="sub">
      <bpmn:startEvent id="subStart" />
      <bpmn:userTask id="inner" name="办理" />
      <bpmn:endEvent id="subEnd" />
      <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="inner" />
      <bpmn:sequenceFlow id="s2" sourceRef="inner" targetRef="subEnd" />
      ${evsub}
    </bpmn:subProcess>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="before" />
    <bpmn:sequenceFlow id="f2" sourceRef="before" targetRef="sub" />
    <bpmn:sequenceFlow id="f3" sourceRef="sub" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

  it("given an instance inside the subprocess, when migrated, then the subprocess's new trigger is armed; before it, nothing is", async () => {
    const v2 = await deploy(nested(urgeEvsub));
    const outside = (await deploy(nested(''))).start();
    const m0 = migrateSnapshot(outside.process, v2.process, JSON.parse(outside.snapshot as string), []);
    if (!m0.ok) throw new Error(m0.reason);
    expect(m0.effects).toEqual([]);

    const inside = (await deploy(nested(''))).start().completeTask('before');
    expect(inside.active.sort()).toEqual(['inner', 'sub']);
    const m = migrateSnapshot(inside.process, v2.process, JSON.parse(inside.snapshot as string), []);
    if (!m.ok) throw new Error(m.reason);
    expect(m.effects).toMatchObject([{ type: 'message.subscribed', elementId: 'urge-start' }]);
    v2.snapshot = JSON.stringify(m.snapshot);
    v2.tasks.set('inner#1', inside.task('inner'));
    for (const e of m.effects)
      if (e.type === 'message.subscribed') v2.subscriptions.set(e.subscriptionKey, e);
    v2.correlate('urge');
    expect(v2.active.sort()).toEqual(['answer-urge', 'inner', 'sub']);
  });
});

// 整改期限: a task with an interrupting deadline boundary (its time per version) and, after it, a waiting pause.
const deadlined = (
  deadline: string,
  pauseId = 'pause',
  pause = 'P1D',
) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="deadlineMig" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:exclusiveGateway id="which" default="toTask" />
    <bpmn:userTask id="rectify" name="整改" />
    <bpmn:boundaryEvent id="overdue" attachedToRef="rectify">
      <bpmn:timerEventDefinition><bpmn:timeDuration>${deadline}</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:intermediateCatchEvent id="${pauseId}">
      <bpmn:timerEventDefinition><bpmn:timeDuration>${pause}</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:userTask id="escalated" name="超期督办" />
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="end2" />
    <bpmn:endEvent id="end3" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="which" />
    <bpmn:sequenceFlow id="toTask" sourceRef="which" targetRef="rectify" />
    <bpmn:sequenceFlow id="toPause" sourceRef="which" targetRef="${pauseId}"><bpmn:conditionExpression>=paused = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f2" sourceRef="rectify" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="overdue" targetRef="escalated" />
    <bpmn:sequenceFlow id="f4" sourceRef="escalated" targetRef="end2" />
    <bpmn:sequenceFlow id="f5" sourceRef="${pauseId}" targetRef="end3" />
  </bpmn:process>
</bpmn:definitions>`;

describe('migrateSnapshot re-arms timers whose definition changed', () => {
  const at = '2026-03-03T01:00:00.000Z';

  it('given a waiting boundary timer of P3D, when migrated to a version with P5D, then the old timer is cancelled and one due 5 days after the migration is scheduled under the same key', async () => {
    const h = (await deploy(deadlined('P3D'))).start({ paused: false });
    expect(h.timer('overdue').dueAt).toBe('2026-03-05T01:00:00.000Z');
    const v2 = await deploy(deadlined('P5D'));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), [], { at });
    if (!m.ok) throw new Error(m.reason);
    expect(m.effects).toEqual([
      { type: 'timer.cancelled', timerKey: 'overdue#1' },
      expect.objectContaining({
        type: 'timer.scheduled',
        timerKey: 'overdue#1',
        elementId: 'overdue',
        activation: 1,
        dueAt: '2026-03-08T01:00:00.000Z',
        interrupting: true,
      }),
    ]);
    // and the re-armed timer still fires the boundary on the target
    v2.snapshot = JSON.stringify(m.snapshot);
    v2.timers.set('overdue#1', { ...h.timer('overdue'), dueAt: '2026-03-08T01:00:00.000Z' });
    v2.tasks.set('rectify#1', h.task('rectify'));
    v2.fireTimer('overdue');
    expect(v2.active).toEqual(['escalated']);
  });

  it('given a timer whose definition the target keeps, when migrated, then it is left as it is (no effect)', async () => {
    const h = (await deploy(deadlined('P3D'))).start({ paused: false });
    const v2 = await deploy(deadlined('P3D', 'pause', 'PT2H'));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), [], { at });
    if (!m.ok) throw new Error(m.reason);
    expect(m.effects).toEqual([]);
  });

  it('given a waiting timer catch event mapped onto a new element, when migrated, then it is re-armed by the new element’s time', async () => {
    const h = (await deploy(deadlined('P3D'))).start({ paused: true });
    expect(h.active).toEqual(['pause']);
    const v2 = await deploy(deadlined('P3D', 'shortPause', 'PT2H'));
    const m = migrateSnapshot(
      h.process,
      v2.process,
      JSON.parse(h.snapshot as string),
      [{ source: 'pause', target: 'shortPause' }],
      { at },
    );
    if (!m.ok) throw new Error(m.reason);
    expect(m.activeElementIds).toEqual(['shortPause']);
    expect(m.effects).toEqual([
      { type: 'timer.cancelled', timerKey: 'shortPause#1' },
      expect.objectContaining({
        type: 'timer.scheduled',
        timerKey: 'shortPause#1',
        dueAt: '2026-03-03T03:00:00.000Z',
      }),
    ]);
  });

  it('given a target timer expression that cannot be evaluated for the instance, when migrated, then the instance is refused with the reason', async () => {
    const h = (await deploy(deadlined('P3D'))).start({ paused: false });
    const v2 = await deploy(deadlined('=deadlineOf'));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), [], { at });
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.reason).toContain('overdue 的定时无法计算');
  });
});
