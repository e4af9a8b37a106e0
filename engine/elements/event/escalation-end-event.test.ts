/** @module Escalation end event: raises its code and ends its path; an interrupting boundary with the code takes over. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'escalation-throw-event.bpmn');

it('given an escalation end event inside a subprocess, when reached, then the interrupting boundary leaves the subprocess', async () => {
  const h = (await deploy(xml, { processId: 'escalationDemo' })).start();
  h.completeTask('draft', { choice: 'big' });
  expect(h.active).toEqual(['leaderDecides']);
  expect(h.trail).toEqual(expect.arrayContaining(['escalation.caught:onBig', 'element.completed:tooBig']));
});

it('given an escalation end event without an escalation code, when deployed, then it is refused naming it', async () => {
  const r = await compileBpmn(
    xml.replace(
      '<bpmn:escalationEventDefinition escalationRef="escBig" /></bpmn:endEvent>',
      '<bpmn:escalationEventDefinition /></bpmn:endEvent>',
    ),
  );
  expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual([
    'escalation.missing-code@tooBig',
  ]);
});
