/** @module Compensation (Zeebe 8.5+, within a scope): a throw runs the handlers of the completed activities, latest first. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'compensation-throw-event.bpmn');

describe('compensation', () => {
  it('given two completed compensable activities, when the throw event is reached, then their handlers run latest first and the path continues', async () => {
    const h = (await deploy(xml)).start();
    h.completeJob('reserve');
    h.completeTask('notifyUnits');
    h.completeTask('approve', { approved: false });
    expect(h.active).toEqual(['undoAll', 'retract']);
    expect(h.trail).toContain('compensation.triggered:undoAll');
    h.completeTask('retract');
    expect(h.job('release').jobType).toBe('quota.release');
    h.completeJob('release');
    expect(h.active).toEqual(['explain']);
    h.completeTask('explain');
    expect(h.status).toBe('completed');
  });

  it('given the happy path, when the instance ends, then no handler ran', async () => {
    const h = (await deploy(xml)).start();
    h.completeJob('reserve');
    h.completeTask('notifyUnits');
    h.completeTask('approve', { approved: true });
    expect(h.status).toBe('completed');
    expect(h.trail.some((t) => t.startsWith('element.activated:re'))).toBe(true);
    expect(h.trail).not.toContain('element.activated:release');
    expect(h.trail).not.toContain('element.activated:retract');
  });

  it('given an activityRef, when thrown, then only that activity is compensated', async () => {
    const one = xml.replace(
      '<bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>',
      '<bpmn:compensateEventDefinition activityRef="reserve" /></bpmn:intermediateThrowEvent>',
    );
    const h = (await deploy(one)).start();
    h.completeJob('reserve');
    h.completeTask('notifyUnits');
    h.completeTask('approve', { approved: false });
    expect(h.active).toEqual(['undoAll', 'release']);
    h.completeJob('release');
    expect(h.active).toEqual(['explain']);
  });

  it('given a compensation boundary without an associated handler, when deployed, then it is refused naming it', async () => {
    const r = await compileBpmn(
      xml.replace(
        '<bpmn:association id="a1" associationDirection="One" sourceRef="undoReserve" targetRef="release" />',
        '',
      ),
    );
    expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toContain(
      'compensation.handler@undoReserve',
    );
  });
});

const crossScope = () => deploy(xml, { processId: 'crossScopeCompensation' });

async function toTheThrow(approved: boolean) {
  const h = (await crossScope()).start({ units: ['城关镇', '东关镇'] });
  h.completeJob('reserveRoom');
  h.completeTask('confirmRoom');
  h.completeTask('notifyEach', {}, { loopIndex: 0 });
  h.completeTask('notifyEach', {}, { loopIndex: 1 });
  h.completeTask('decide', { approved });
  return h;
}

describe('compensation across scopes and items', () => {
  it('given a completed subprocess and a multi-instance task, when the throw is reached, then each completed item is compensated and then the activity inside the subprocess, latest first', async () => {
    const h = await toTheThrow(false);
    expect(h.history.find((e) => e.type === 'compensation.triggered')?.data).toEqual({
      activities: ['notifyEach', 'notifyEach', 'reserveRoom'],
    });
    expect(h.active).toEqual(['undoBooking', 'unnotify']);
    h.completeTask('unnotify');
    expect(h.active).toEqual(['undoBooking', 'unnotify']);
    h.completeTask('unnotify');
    expect(h.active).toEqual(['undoBooking', 'cancelRoom']);
    h.completeTask('cancelRoom');
    expect(h.status).toBe('completed');
    expect(h.trail.filter((t) => t === 'element.completed:unnotify')).toHaveLength(2);
  });

  it('given the happy path, when the instance ends, then no handler ran', async () => {
    const h = await toTheThrow(true);
    expect(h.status).toBe('completed');
    expect(h.trail).not.toContain('element.activated:cancelRoom');
  });

  it('given an activityRef naming the subprocess, when thrown, then only the activities inside it are compensated', async () => {
    const one = xml.replace(
      '<bpmn:intermediateThrowEvent id="undoBooking"><bpmn:compensateEventDefinition />',
      '<bpmn:intermediateThrowEvent id="undoBooking"><bpmn:compensateEventDefinition activityRef="book" />',
    );
    const h = (await deploy(one, { processId: 'crossScopeCompensation' })).start({ units: ['城关镇'] });
    h.completeJob('reserveRoom');
    h.completeTask('confirmRoom');
    h.completeTask('notifyEach');
    h.completeTask('decide', { approved: false });
    expect(h.active).toEqual(['undoBooking', 'cancelRoom']);
    h.completeTask('cancelRoom');
    expect(h.status).toBe('completed');
  });
});

describe('compensation event subprocess', () => {
  const withEvsub = () => deploy(xml, { processId: 'compensationEventSubProcess' });

  it('given a completed subprocess with a compensation event subprocess, when a compensation end event is reached, then the event subprocess runs as its handler and its own throw compensates inside the subprocess', async () => {
    const h = (await withEvsub()).start();
    // While the subprocess runs, its compensation event subprocess is no trigger: nothing is armed.
    expect(h.subscriptions.size + h.timers.size).toBe(0);
    h.completeJob('stamp');
    h.completeTask('fillIn');
    h.completeTask('judge', { approved: false });
    expect(
      h.history.find((e) => e.type === 'compensation.triggered' && e.elementId === 'compensateAll')?.data,
    ).toEqual({
      activities: ['registerCase'],
    });
    expect(h.active).toEqual(['compensateAll', 'undoRegistration', 'undoInside', 'unstamp']);
    h.completeTask('unstamp');
    expect(h.active).toEqual(['compensateAll', 'undoRegistration', 'voidRecord']);
    h.completeTask('voidRecord');
    expect(h.status).toBe('completed');
    expect(h.trail).toContain('element.completed:undoRegistration');
  });

  it('given the happy path, when the instance ends, then the compensation event subprocess never ran', async () => {
    const h = (await withEvsub()).start();
    h.completeJob('stamp');
    h.completeTask('fillIn');
    h.completeTask('judge', { approved: true });
    expect(h.status).toBe('completed');
    expect(h.trail).not.toContain('element.activated:undoRegistration');
  });

  it('given a compensation event subprocess at the top level, when deployed, then it is refused with the reason', async () => {
    const top = xml
      .replace(/<bpmn:subProcess id="undoRegistration"[\s\S]*?<\/bpmn:subProcess>\n/, '')
      .replace(
        '<bpmn:userTask id="judge" />',
        '<bpmn:userTask id="judge" /><bpmn:subProcess id="topUndo" triggeredByEvent="true"><bpmn:startEvent id="tu0"><bpmn:compensateEventDefinition /></bpmn:startEvent><bpmn:endEvent id="tu9" /><bpmn:sequenceFlow id="tu1" sourceRef="tu0" targetRef="tu9" /></bpmn:subProcess>',
      );
    const r = await compileBpmn(top);
    const found = !r.ok && r.issues.find((i) => i.code === 'event-subprocess.compensation-scope');
    expect(found).toMatchObject({ elementId: 'topUndo' });
    expect(found ? found.message : '').toContain('补偿事件子流程');
  });
});
