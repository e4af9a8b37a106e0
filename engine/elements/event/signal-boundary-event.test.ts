/** @module Signal boundary event: interrupting ends the activity; non-interrupting runs its path and keeps waiting. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'signal-boundary-event.bpmn');

it('given the review, when the non-interrupting signal comes twice, then each runs the note path and the review stays', async () => {
  const h = (await deploy(xml)).start();
  h.signal('catalog.updated', { catalogVersion: 2 });
  h.signal('catalog.updated', { catalogVersion: 3 });
  expect(h.active).toEqual(['review']);
  expect(h.vars.seenVersion).toBe(3);
  h.completeTask('review');
  expect(h.status).toBe('completed');
});

it('given the review, when the interrupting signal comes, then the task is cancelled and the halted end reached', async () => {
  const h = (await deploy(xml)).start();
  h.signal('county.halt');
  expect(h.status).toBe('completed');
  expect(h.tasks.size).toBe(0);
  expect(h.subscriptions.size).toBe(0);
  expect(h.trail).toEqual(expect.arrayContaining(['element.completed:halted']));
});
