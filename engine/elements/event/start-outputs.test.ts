/** @module Start event output mappings: applied on the way out of a none or signal start; a failing one is an incident. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'start-outputs.bpmn');

it('given output mappings on the none start, when started, then they are applied before the first task', async () => {
  const h = (await deploy(xml, { processId: 'counted' })).start({ base: 10 });
  expect(h.vars).toMatchObject({ loopAmount: 0, limit: 13 });
  expect(h.active).toEqual(['work']);
});

it('given an output mapping over a missing variable, when started, then an incident holds the token on the start', async () => {
  const h = (await deploy(xml, { processId: 'counted' })).start({});
  expect(h.status).toBe('incident');
  expect(h.active).toEqual(['start']);
});

it('given output mappings on a signal start, when started there, then they are applied too', async () => {
  const h = (await deploy(xml, { processId: 'onSignal' })).start({ version: 2 }, { startEventId: 'heard' });
  expect(h.vars.heardVersion).toBe(2);
});
