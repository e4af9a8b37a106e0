/** @module Timer boundary events: non-interrupting reminders (催办) that outlive the task, cycles, and interrupting limits. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'timer-boundary-event.bpmn');

describe('timer boundary event', () => {
  it('given rectify is open, when it starts, then all three boundary timers are scheduled with the activity', async () => {
    const h = (await deploy(xml)).start();
    expect(h.timer('overdue')).toMatchObject({
      timerKey: 'overdue#1',
      dueAt: '2026-03-07T01:00:00.000Z',
      interrupting: false,
    });
    expect(h.timer('daily')).toMatchObject({ cycle: 'R/P1D', interrupting: false });
    expect(h.timer('hardLimit')).toMatchObject({ interrupting: true });
  });

  it('given the deadline passes, when the non-interrupting timer fires, then the task stays open and a reminder job runs alongside', async () => {
    const h = (await deploy(xml)).start();
    h.fireTimer('overdue');
    expect(h.active.sort()).toEqual(['rectify', 'remind']);
    expect(h.task('rectify').taskKey).toBe('rectify#1');
    expect(h.job('remind').jobKey).toBe('remind#1');
    // The task completes while the reminder is still running: the instance waits for the side path.
    h.completeTask('rectify', { fixedCount: 3 });
    expect(h.status).toBe('active');
    expect(h.active).toEqual(['remind']);
    h.completeJob('remind');
    expect(h.status).toBe('completed');
    expect(h.trail).toContain('side-path.completed:overdue');
  });

  it('given a daily cycle, when it fires twice, then two separate side paths ran and the cycle stays scheduled until the task ends', async () => {
    const h = (await deploy(xml)).start();
    h.fireTimer('daily');
    h.fireTimer('daily');
    expect(h.trail.filter((t) => t === 'side-path.started:daily')).toHaveLength(2);
    expect(h.timers.has('daily#1')).toBe(true);
    h.completeTask('rectify');
    expect(h.effects).toContainEqual({ type: 'timer.cancelled', timerKey: 'daily#1' });
    expect(h.status).toBe('completed');
  });

  it('given the hard limit passes, when the interrupting timer fires, then the task is cancelled and escalation opens', async () => {
    const h = (await deploy(xml)).start();
    h.fireTimer('hardLimit');
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'rectify#1', reason: 'cancelled' });
    expect(h.effects).toContainEqual({ type: 'timer.cancelled', timerKey: 'overdue#1' });
    expect(h.effects).not.toContainEqual({ type: 'timer.cancelled', timerKey: 'hardLimit#1' });
    expect(h.active).toEqual(['escalate']);
    expect(h.trail).toContain('element.terminated:rectify');
  });

  it('given the interrupting timer already fired, when it fires again, then the stale event is rejected', async () => {
    const h = (await deploy(xml)).start();
    h.fireTimer('hardLimit');
    const again = h.send({
      type: 'timer.fire',
      timerKey: 'hardLimit#1',
      elementId: 'hardLimit',
      activation: 1,
    });
    expect(again).toMatchObject({ rejected: true });
  });

  it('given a running reminder path, when the instance is cancelled, then its job is cancelled too', async () => {
    const h = (await deploy(xml)).start();
    h.fireTimer('overdue');
    h.cancel('withdrawn');
    expect(h.status).toBe('cancelled');
    expect(h.effects.filter((e) => e.type === 'job.cancelled' && e.jobKey === 'remind#1')).toHaveLength(1);
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'rectify#1', reason: 'cancelled' });
  });
});

describe('timer boundary incidents and cycles', () => {
  const withFeel = xml.replace(
    '<bpmn:timeDuration>P5D</bpmn:timeDuration>',
    '<bpmn:timeDuration>=deadline</bpmn:timeDuration>',
  );

  it('given a boundary timer expression that fails, when the task opens, then an incident names the boundary and retry re-arms only it', async () => {
    const h = (await deploy(withFeel)).start();
    expect(h.status).toBe('incident');
    expect([...h.incidents.values()][0]).toMatchObject({
      elementId: 'overdue',
      errorType: 'timer-expression',
    });
    expect(h.task('rectify').taskKey).toBe('rectify#1');
    h.retryIncident('overdue');
    // Still no `deadline`: the incident comes back, and the task was never reopened.
    expect(h.status).toBe('incident');
    expect(h.task('rectify').taskKey).toBe('rectify#1');
  });

  it('given a bounded cycle R2/P1D, when it fired twice, then a third fire is refused', async () => {
    const h = (await deploy(xml.replace('<bpmn:timeCycle>R/P1D', '<bpmn:timeCycle>R2/P1D'))).start();
    expect(h.timer('daily').repetitionsLeft).toBe(1);
    h.fireTimer('daily');
    h.fireTimer('daily');
    expect(h.timers.has('daily#1')).toBe(false);
    expect(
      h.send({ type: 'timer.fire', timerKey: 'daily#1', elementId: 'daily', activation: 1 }),
    ).toMatchObject({ rejected: true });
  });
});

describe('side path variables', () => {
  it('given the main path changed a variable while a reminder ran, when the reminder ends, then only what the reminder wrote comes back', async () => {
    const h = (await deploy(xml)).start({ stage: 'open' });
    h.fireTimer('overdue');
    h.completeTask('rectify', { stage: 'rectified' });
    h.completeJob('remind', { remindedAt: 'now' });
    expect(h.vars).toMatchObject({ stage: 'rectified', remindedAt: 'now' });
  });
});
