/** @module Multi-instance call activity: one called instance per item, outputs gathered in item order. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'multi-instance-call-activity.bpmn');

it('given three units, when the call is reached, then three called instances start, each with its own key and item', async () => {
  const h = (await deploy(xml)).start({ units: ['U1', 'U2', 'U3'] });
  const calls = [...h.children.values()];
  expect(calls.map((c) => c.variables.unit)).toEqual(['U1', 'U2', 'U3']);
  expect(new Set(calls.map((c) => c.childKey)).size).toBe(3);
  expect(calls.every((c) => c.processId === 'data-problem-rectify' && c.elementId === 'rectifyEach')).toBe(
    true,
  );
  // The body and its three items, each waiting for its called instance.
  expect(h.active).toEqual(Array(4).fill('rectifyEach'));
});

it('given the called instances complete out of order, when the last one does, then the outputs are in item order and the flow moves on', async () => {
  const h = (await deploy(xml)).start({ units: ['U1', 'U2', 'U3'] });
  const calls = [...h.children.values()];
  for (const [c, fixedCount] of [
    [calls[2], 30],
    [calls[0], 10],
    [calls[1], 20],
  ] as const) {
    h.children.delete(c.childKey);
    const r = h.send({
      type: 'child.completed',
      elementId: 'rectifyEach',
      activation: c.activation,
      variables: { fixedCount, internal: 'x' },
    });
    expect('rejected' in r).toBe(false);
  }
  expect(h.vars.results).toEqual([10, 20, 30]);
  expect(h.active).toEqual(['summarize']);
});

it('given a collection that is not a list, when the call is reached, then an incident holds the body and its retry is answered by the instance itself', async () => {
  const h = (await deploy(xml)).start({ units: null });
  expect(h.status).toBe('incident');
  h.retryIncident('rectifyEach');
  expect(h.status).toBe('incident');
  expect(h.incidents.size).toBe(1);
});
