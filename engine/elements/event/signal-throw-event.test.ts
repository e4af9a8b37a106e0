/** @module Signal intermediate throw: emits signal.broadcast (variables from its input mappings) and moves on at once. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'signal-throw-event.bpmn');

it('given the throw event, when reached, then the signal is broadcast with its mapped variables and the path goes on', async () => {
  const h = (await deploy(xml)).start({ version: 12 });
  expect(h.broadcasts).toEqual([
    expect.objectContaining({
      signalName: 'catalog.published',
      variables: { catalogVersion: 12 },
      elementId: 'announce',
    }),
  ]);
  expect(h.active).toEqual(['archive']);
  expect(h.trail).toEqual(expect.arrayContaining(['signal.thrown:announce']));
});

it('given an input mapping that fails, when reached, then an incident holds the token on the throw event', async () => {
  const h = (await deploy(xml)).start({});
  expect(h.status).toBe('incident');
  expect(h.broadcasts).toEqual([]);
  expect(h.active).toEqual(['announce']);
  h.retryIncident('announce');
  expect(h.status).toBe('incident');
});
