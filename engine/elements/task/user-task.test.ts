/** @module User task: a task per activation, FEEL assignment and due date, completion variables, stale completions refused. */
import { describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../calendar';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'user-task.bpmn');

describe('user task', () => {
  it('given a started instance, when it reaches review, then a task opens with the evaluated assignment, due date and form', async () => {
    const h = (await deploy(xml)).start({ reviewer: 'zhang', urgent: true });
    const t = h.task('review');
    expect(t).toMatchObject({
      taskKey: 'review#1',
      name: '审核',
      activation: 1,
      assignee: 'zhang',
      candidateGroups: ['authority.reviewer', 'authority.admin'],
      candidateUsers: ['li', 'wang'],
      formKey: 'catalog-review',
      priority: 80,
      followUpAt: '2026-03-03T00:00:00Z',
      dueProvisional: false,
    });
    expect(t.dueAt).toMatch(/^2026-03-09/);
    expect(h.active).toEqual(['review']);
  });

  it('given an open task, when it is completed, then its variables merge and the instance completes', async () => {
    const h = (await deploy(xml)).start({ reviewer: 'zhang', urgent: false });
    h.completeTask('review', { decision: 'approve' }, { actor: 'zhang' });
    expect(h.status).toBe('completed');
    expect(h.vars.decision).toBe('approve');
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'review#1', reason: 'completed' });
    expect(h.trail).toEqual([
      'instance.started',
      'element.activated:start',
      'element.completed:start',
      'element.activated:review',
      'task.created:review',
      'task.completed:review',
      'element.completed:review',
      'element.activated:end',
      'element.completed:end',
      'instance.completed',
    ]);
  });

  it('given a due date past the known calendar years, when the task opens, then it is marked provisional', async () => {
    const h = await deploy(xml, { now: '2027-06-01T02:00:00.000Z', calendar: createOfficialCalendar() });
    h.start({ reviewer: 'zhang', urgent: false });
    expect(h.task('review').dueProvisional).toBe(true);
  });

  it('given a completed task, when the same activation is completed again, then the step is rejected', async () => {
    const h = (await deploy(xml)).start({ reviewer: 'zhang', urgent: false });
    h.completeTask('review');
    const again = h.send({ type: 'task.complete', elementId: 'review', activation: 1, variables: {} });
    expect(again).toMatchObject({ rejected: true });
  });

  it('given an assignee expression that fails, when the task is reached, then an incident is raised and retry reopens it', async () => {
    const h = (await deploy(xml)).start({ urgent: false });
    expect(h.status).toBe('incident');
    expect([...h.incidents.values()][0]).toMatchObject({
      elementId: 'review',
      errorType: 'expression',
      expression: '=reviewer',
    });
    expect(h.tasks.size).toBe(0);
    // The variable is still missing in the instance: retrying raises the incident again.
    h.retryIncident('review');
    expect(h.status).toBe('incident');
  });
});

describe('user task listeners (zeebe:taskListener, as jobs)', () => {
  const listeners = fixture(import.meta.url, 'user-task-listeners.bpmn');
  const types = (h: { jobs: Map<string, { jobType: string }> }) => [...h.jobs.values()].map((j) => j.jobType);

  it('given creating listeners, when the task is reached, then they run as jobs after the start listeners and the task opens only when they completed', async () => {
    const h = (await deploy(listeners)).start({ reviewer: 'zhang' });
    // the execution start listener first, no task yet
    expect(types(h)).toEqual(['audit.start']);
    expect(h.tasks.size).toBe(0);
    h.completeJob('review$start0');
    // then the creating task listener, with its retries and event type
    expect(h.job('review$start1')).toMatchObject({
      jobType: 'platform.register',
      retries: 5,
      headers: { 'io.camunda.zeebe:taskListenerEventType': 'creating' },
    });
    expect(h.tasks.size).toBe(0);
    h.completeJob('review$start1', { platformTaskId: 'P-9' });
    // the task opens, and the listener's variables are the process's
    expect(h.task('review')).toMatchObject({ assignee: 'zhang' });
    expect(h.vars.platformTaskId).toBe('P-9');
  });

  it('given a completing listener, when the task is completed, then the process waits for its job, then the end listener, then ends', async () => {
    const h = (await deploy(listeners)).start({ reviewer: 'zhang' });
    h.completeJob('review$start0').completeJob('review$start1');
    h.completeTask('review', { decision: 'approve' }, { actor: 'zhang' });
    expect(h.status).toBe('active');
    expect(types(h)).toEqual(['platform.file']);
    expect(h.job('review$end0').headers).toEqual({ 'io.camunda.zeebe:taskListenerEventType': 'completing' });
    h.completeJob('review$end0');
    expect(types(h)).toEqual(['audit.end']);
    h.completeJob('review$end1');
    expect(h.status).toBe('completed');
    expect(h.vars.decision).toBe('approve');
  });

  it('given assigning, updating or canceling listeners, a listener without a type, or listeners on a multi-instance task, when deployed, then each is refused with its reason', async () => {
    const codes = async (replace: [string, string]) => {
      const r = await compileBpmn(listeners.replace(...replace));
      return !r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`);
    };
    for (const eventType of ['assigning', 'updating', 'canceling'])
      expect(await codes(['eventType="completing"', `eventType="${eventType}"`])).toEqual([
        'unsupported.task-listener@review',
      ]);
    expect(await codes(['eventType="completing" type="platform.file"', 'eventType="completing"'])).toEqual([
      'task-listener.missing-type@review',
    ]);
    expect(await codes(['eventType="completing"', 'eventType="finishing"'])).toEqual([
      'task-listener.event-type@review',
    ]);
    expect(
      await codes([
        '</bpmn:extensionElements>\n    </bpmn:userTask>',
        '</bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>',
      ]),
    ).toEqual(['unsupported.task-listener-multi-instance@review']);
  });
});
