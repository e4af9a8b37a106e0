/** @module Intermediate timer catch: duration (FEEL here) and date; waits until the runtime fires the timer. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given a FEEL duration then a date, when each timer fires, then the instance moves on and completes', async () => {
  const h = (await deploy(fixture(import.meta.url, 'timer-catch-event.bpmn'))).start({
    coolingPeriod: 'PT12H',
  });
  expect(h.timer('cooling')).toMatchObject({ timerKey: 'cooling#1', dueAt: '2026-03-02T13:00:00.000Z' });
  h.fireTimer('cooling');
  expect(h.timer('publishDay').dueAt).toBe('2026-04-01T00:00:00.000Z');
  expect(h.active).toEqual(['publishDay']);
  h.fireTimer('publishDay');
  expect(h.status).toBe('completed');
  expect(h.trail).toContain('timer.fired:publishDay');
});
