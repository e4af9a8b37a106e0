/** @module Multi-instance subprocess: one body per item as a spawned child, tasks keyed per body, outputs collected. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'multi-instance-body.bpmn');

describe('multi-instance subprocess', () => {
  it('given two units, when started, then each body opens its own check task with the unit bound', async () => {
    const h = (await deploy(xml)).start({ units: ['U1', 'U2'] });
    const tasks = [...h.tasks.values()].map((t) => [t.taskKey, t.candidateGroups[0]]);
    expect(tasks).toEqual([
      ['check#1', 'unit.cataloguer@U1'],
      ['check#2', 'unit.cataloguer@U2'],
    ]);
    expect(h.active.sort()).toEqual(['check', 'check', 'perUnit']);
  });

  it('given both bodies run, when each completes, then the outputs are collected in item order and the instance completes', async () => {
    const h = (await deploy(xml)).start({ units: ['U1', 'U2'] });
    h.send({ type: 'task.complete', elementId: 'check', activation: 2, variables: { checked: 7 } });
    h.send({ type: 'task.complete', elementId: 'sign', activation: 2, variables: {} });
    expect(h.status).toBe('active');
    h.send({ type: 'task.complete', elementId: 'check', activation: 1, variables: { checked: 3 } });
    h.send({ type: 'task.complete', elementId: 'sign', activation: 1, variables: {} });
    expect(h.status).toBe('completed');
    expect(h.vars.results).toEqual([
      { unit: 'U1', count: 3 },
      { unit: 'U2', count: 7 },
    ]);
    expect(h.vars.unit).toBeUndefined();
  });

  it('given a sequential loop, when the first body completes, then the second starts', async () => {
    const seq = xml.replace(
      '<bpmn:multiInstanceLoopCharacteristics>',
      '<bpmn:multiInstanceLoopCharacteristics isSequential="true">',
    );
    const h = (await deploy(seq)).start({ units: ['U1', 'U2'] });
    expect([...h.tasks.keys()]).toEqual(['check#1']);
    h.completeTask('check', { checked: 1 });
    h.completeTask('sign');
    expect([...h.tasks.keys()]).toEqual(['check#2']);
  });

  it('given bodies running, when the instance is cancelled, then every open body task is cancelled', async () => {
    const h = (await deploy(xml)).start({ units: ['U1', 'U2'] });
    h.cancel();
    expect(h.status).toBe('cancelled');
    expect(h.tasks.size).toBe(0);
  });
});

describe('multi-instance subprocess validation', () => {
  it('given a loop inside the body, when compiled, then it is refused naming an element of the loop', async () => {
    const { compileBpmn } = await import('../../index');
    const looped = xml.replace(
      '<bpmn:sequenceFlow id="u3" sourceRef="sign" targetRef="uEnd" />',
      '<bpmn:exclusiveGateway id="again" default="u3" /><bpmn:sequenceFlow id="u4" sourceRef="sign" targetRef="again" /><bpmn:sequenceFlow id="u3" sourceRef="again" targetRef="uEnd" /><bpmn:sequenceFlow id="u5" sourceRef="again" targetRef="check"><bpmn:conditionExpression>=redo</bpmn:conditionExpression></bpmn:sequenceFlow>',
    );
    const r = await compileBpmn(looped);
    expect(!r.ok && r.issues.some((i) => i.code === 'multi-instance-body.cycle')).toBe(true);
  });
});
