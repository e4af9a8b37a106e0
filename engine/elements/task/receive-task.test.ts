/** @module Receive task: subscribes with the evaluated correlation key; correlation merges variables and moves on. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given a waiting receive task, when its message is correlated, then the variables arrive and the instance completes', async () => {
  const h = (await deploy(fixture(import.meta.url, 'receive-task.bpmn'))).start({ caseNo: 'C-7' });
  expect([...h.subscriptions.values()][0]).toMatchObject({
    subscriptionKey: 'waitReply#1',
    messageName: 'reply',
    correlationKey: 'C-7',
  });
  h.correlate('reply', { answer: 'yes' }, 'C-7');
  expect(h.vars.answer).toBe('yes');
  expect(h.status).toBe('completed');
});
