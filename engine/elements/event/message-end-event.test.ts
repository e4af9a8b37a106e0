/** @module Message end event: a job (Zeebe semantics) whose completion ends its path. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given a message end event on one branch, when its job completes, then that path ends and the instance waits for the other', async () => {
  const h = (await deploy(fixture(import.meta.url, 'message-end-event.bpmn'))).start();
  expect(h.job('replied').jobType).toBe('reply.send');
  expect(h.active.sort()).toEqual(['archive', 'replied']);
  h.completeJob('replied', { sentAt: '2026-03-02' });
  expect(h.active).toEqual(['archive']);
  expect(h.vars.repliedAt).toBe('2026-03-02');
  h.completeTask('archive');
  expect(h.status).toBe('completed');
});
