/** @module Call activity: child.start with the propagated variables, waits for child.completed, maps outputs back. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'call-activity.bpmn');

it('given the call is reached, when the child completes, then only the mapped outputs come back', async () => {
  const h = (await deploy(xml)).start({ problem: { unit: 'U7' } }, { businessKey: 'P-1' });
  expect([...h.children.values()]).toEqual([
    {
      type: 'child.start',
      childKey: 'rectification#1',
      processId: 'data-problem-rectify',
      variables: { problem: { unit: 'U7' }, unitId: 'U7' },
      elementId: 'rectification',
      activation: 1,
      businessKey: 'P-1',
    },
  ]);
  h.completeChild('rectification', { fixedCount: 12, internal: 'x' });
  expect(h.vars).toEqual({ problem: { unit: 'U7' }, rectifiedRecords: 12 });
  expect(h.status).toBe('completed');
});

it('given a call activity, when compiled, then info lists the called process', async () => {
  const r = await compileBpmn(xml);
  expect(r.ok && r.processes[0].info.calledProcessIds).toEqual(['data-problem-rectify']);
});

it('given the instance is cancelled, when the child still runs, then child.cancel is emitted', async () => {
  const h = (await deploy(xml)).start({ problem: { unit: 'U7' } });
  h.cancel();
  expect(h.effects).toContainEqual({ type: 'child.cancel', childKey: 'rectification#1' });
});
