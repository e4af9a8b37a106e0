/** @module Signal catch event: waits for a broadcast (a subscription of kind 'signal'), also behind an event-based gateway. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'signal-catch-event.bpmn');

it('given a signal catch, when started, then it subscribes with kind signal and no correlation key', async () => {
  const h = (await deploy(xml)).start();
  expect(h.active).toEqual(['published']);
  expect([...h.subscriptions.values()]).toEqual([
    expect.objectContaining({ messageName: 'catalog.published', kind: 'signal', correlationKey: null }),
  ]);
});

it('given the signal, when broadcast, then the catch and then the gateway signal branch complete', async () => {
  const h = (await deploy(xml)).start();
  h.signal('catalog.published', { catalogVersion: 7 });
  expect(h.active).toEqual(['gw']);
  expect(h.vars.catalogVersion).toBe(7);
  expect(h.timers.size).toBe(1);
  h.signal('catalog.frozen');
  expect(h.status).toBe('completed');
  expect(h.timers.size).toBe(0);
  expect(h.trail).toEqual(expect.arrayContaining(['signal.received:published', 'element.completed:frozen']));
});

it('given the gateway, when its timer fires first, then the signal subscription is closed', async () => {
  const h = (await deploy(xml)).start().signal('catalog.published');
  h.advance('P1D').fireTimer('timeout');
  expect(h.status).toBe('completed');
  expect(h.subscriptions.size).toBe(0);
  expect(() => h.signal('catalog.frozen')).toThrow(/no signal subscription/);
});
