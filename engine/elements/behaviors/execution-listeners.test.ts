/** @module Execution listeners (Zeebe 8.6+): start listeners as jobs before the element, end listeners after it completes. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'execution-listeners.bpmn');
const jobTypes = (h: { jobs: Map<string, { jobType: string }> }) =>
  [...h.jobs.values()].map((j) => j.jobType);

describe('execution listeners', () => {
  it('given start and end listeners, when their jobs complete in turn, then the element runs between them and the flow goes on after the last', async () => {
    const h = (await deploy(xml)).start({ entry: 'E-1' });
    expect(jobTypes(h)).toEqual(['audit.before']);
    expect(h.active).toEqual(['publish']);
    expect(h.job('publish$start0')).toMatchObject({ retries: 2, variables: { entry: 'E-1' }, activation: 1 });
    h.completeJob('publish$start0', { checked: true });
    expect(jobTypes(h)).toEqual(['catalog.publish']);
    expect(h.timer('tooSlow')).toBeDefined();
    h.completeJob('publish', { published: true });
    expect(jobTypes(h)).toEqual(['audit.after']);
    expect(h.timers.size).toBe(0);
    h.completeJob('publish$end0');
    expect(jobTypes(h)).toEqual(['notify.after']);
    h.completeJob('publish$end1');
    expect(h.active).toEqual(['review']);
    expect(h.vars).toMatchObject({ checked: true, published: true });
  });

  it('given an end listener, when the element is interrupted by its boundary, then the end listeners do not run (as in Zeebe)', async () => {
    const h = (await deploy(xml)).start();
    h.completeJob('publish$start0');
    h.fireTimer('tooSlow');
    expect(h.active).toEqual(['escalate']);
    expect(h.jobs.size).toBe(0);
  });

  it('given a listener whose worker throws a BPMN error, when thrown, then an incident holds it and the retry creates the job again', async () => {
    const h = (await deploy(xml)).start();
    h.throwError('publish$start0', 'NOPE');
    expect(h.status).toBe('incident');
    h.retryIncident('publish$start0');
    expect(h.status).toBe('active');
    expect(jobTypes(h)).toEqual(['audit.before']);
  });

  it('given a listener without a job type, when deployed, then it is refused naming the element', async () => {
    const r = await compileBpmn(xml.replace(' type="audit.after"', ''));
    expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual([
      'listener.missing-type@publish',
    ]);
  });

  it('given a user task with an assigning task listener (not run yet), when deployed, then it is refused rather than run without it', async () => {
    const r = await compileBpmn(
      xml.replace(
        '<bpmn:userTask id="review" />',
        '<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:taskListeners><zeebe:taskListener eventType="assigning" type="check" /></zeebe:taskListeners></bpmn:extensionElements></bpmn:userTask>',
      ),
    );
    expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual([
      'unsupported.task-listener@review',
    ]);
  });

  it('given a timer start event with a start listener, when the instance is started there, then the listener runs first', async () => {
    const timed = xml
      .replace(
        '<bpmn:startEvent id="start" />',
        '<bpmn:startEvent id="start" /><bpmn:startEvent id="monthly"><bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit.start" /></zeebe:executionListeners></bpmn:extensionElements><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>',
      )
      .replace(
        '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="publish" />',
        '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="publish" /><bpmn:sequenceFlow id="f0" sourceRef="monthly" targetRef="publish" />',
      );
    const h = (await deploy(timed)).start({}, { startEventId: 'monthly' });
    expect(jobTypes(h)).toEqual(['audit.start']);
    h.completeJob('monthly$start0');
    expect(jobTypes(h)).toEqual(['audit.before']);
  });

  it('given a listener on a boundary event, when deployed, then it is refused (it would never run)', async () => {
    const r = await compileBpmn(
      xml.replace(
        '<bpmn:boundaryEvent id="tooSlow" attachedToRef="publish">',
        '<bpmn:boundaryEvent id="tooSlow" attachedToRef="publish"><bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="start" type="x" /></zeebe:executionListeners></bpmn:extensionElements>',
      ),
    );
    expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual(['listener.boundary@tooSlow']);
  });
});
