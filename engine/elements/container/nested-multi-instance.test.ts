/** @module Nested multi-instance subprocesses (issue #13): per unit, per system of the unit; two levels deep. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'nested-multi-instance.bpmn');
const units = [
  { name: 'U1', systems: ['A', 'B'] },
  { name: 'U2', systems: ['C'] },
];

it('given two units with two and one systems, when started, then three system checks open, each with its own key and item', async () => {
  const h = (await deploy(xml)).start({ units });
  const tasks = [...h.tasks.values()];
  expect(tasks.map((t) => t.elementId)).toEqual(['checkSystem', 'checkSystem', 'checkSystem']);
  expect(new Set(tasks.map((t) => t.taskKey)).size).toBe(3);
  // The nested bodies are numbered under their unit's body (NESTED), so events find their way back.
  expect(tasks.every((t) => t.activation >= 1_000_000)).toBe(true);
  expect(h.active.filter((a) => a === 'perSystem')).toHaveLength(2);
});

it('given the nested bodies, when every check and sign-off is completed, then each unit signs after its own checks and the instance completes', async () => {
  const h = (await deploy(xml)).start({ units });
  for (const t of [...h.tasks.values()]) {
    h.tasks.delete(t.taskKey);
    const r = h.send({
      type: 'task.complete',
      elementId: 'checkSystem',
      activation: t.activation,
      variables: {},
    });
    expect('rejected' in r).toBe(false);
  }
  const signs = [...h.tasks.values()];
  expect(signs.map((t) => t.elementId)).toEqual(['unitSign', 'unitSign']);
  for (const t of signs) {
    h.tasks.delete(t.taskKey);
    h.send({ type: 'task.complete', elementId: 'unitSign', activation: t.activation, variables: {} });
  }
  expect(h.status).toBe('completed');
});

it('given a third level of nesting, when deployed, then it is refused naming it', async () => {
  const three = xml.replace(
    '<bpmn:userTask id="checkSystem" />',
    '<bpmn:subProcess id="perPart"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1]" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics><bpmn:startEvent id="p0" /><bpmn:endEvent id="p9" /><bpmn:sequenceFlow id="p1" sourceRef="p0" targetRef="p9" /></bpmn:subProcess><bpmn:userTask id="checkSystem" />',
  );
  const r = await compileBpmn(three);
  expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toContain(
    'multi-instance-body.nested@perPart',
  );
});
