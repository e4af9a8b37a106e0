/** @module Compensation boundary event: never fires on its own; it only marks its activity as compensable. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'compensation-throw-event.bpmn');

it('given a compensable activity, when it completes, then nothing is armed or started for its boundary and the flow goes on', async () => {
  const h = (await deploy(xml)).start();
  expect(h.timers.size + h.subscriptions.size).toBe(0);
  h.completeJob('reserve');
  expect(h.active).toEqual(['notifyUnits']);
  expect(h.jobs.size).toBe(0);
  expect(h.trail).not.toContain('element.activated:undoReserve');
});
