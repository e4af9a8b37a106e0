/** @module Signal starts of event subprocesses: armed with their scope as signal subscriptions, interrupting or not. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'signal-event-sub-process.bpmn');

it('given a running case, when it starts, then both signal starts wait as signal subscriptions', async () => {
  const h = (await deploy(xml)).start();
  expect([...h.subscriptions.values()].map((s) => [s.messageName, s.kind]).sort()).toEqual([
    ['catalog.updated', 'signal'],
    ['county.halt', 'signal'],
  ]);
});

it('given the non-interrupting start, when the signal comes twice, then its path runs each time beside the review', async () => {
  const h = (await deploy(xml)).start();
  h.signal('catalog.updated', { catalogVersion: 5 }).signal('catalog.updated', { catalogVersion: 6 });
  expect(h.vars.seenVersion).toBe(6);
  expect(h.active).toEqual(['review']);
  h.completeTask('review');
  expect(h.status).toBe('completed');
  expect(h.subscriptions.size).toBe(0);
});

it('given the interrupting start, when the halt signal comes, then the review is cancelled and the case ends', async () => {
  const h = (await deploy(xml)).start();
  h.signal('county.halt');
  expect(h.status).toBe('completed');
  expect(h.tasks.size).toBe(0);
  expect(h.trail).toEqual(expect.arrayContaining(['element.completed:stopped']));
});
