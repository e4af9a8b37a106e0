/** @module Terminate end event: ends the instance at once, cancelling what still runs (a reminder side path included). */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'terminate-end-event.bpmn');

it('given a reminder still open, when review rejects and reaches the terminate end event, then the reminder is cancelled and the instance completes', async () => {
  const h = (await deploy(xml)).start();
  h.fireTimer('overdue');
  expect(h.active.sort()).toEqual(['remindLeader', 'review']);
  h.completeTask('review', { decision: 'reject' });
  expect(h.status).toBe('completed');
  expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'remindLeader#1', reason: 'cancelled' });
  expect(h.trail).toContain('instance.terminated');
  expect(h.tasks.size).toBe(0);
});

it('given no reminder, when review approves, then the plain end completes the instance', async () => {
  const h = (await deploy(xml)).start();
  h.completeTask('review', { decision: 'approve' });
  expect(h.status).toBe('completed');
  expect(h.trail).not.toContain('instance.terminated');
});
