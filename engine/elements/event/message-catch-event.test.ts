/** @module Intermediate message catch: subscription with the FEEL correlation key; a message for an old activation is refused. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'message-catch-event.bpmn');

it('given a subscription, when the message is correlated, then its variables merge and the instance completes', async () => {
  const h = (await deploy(xml)).start({ unitId: 42 });
  expect([...h.subscriptions.values()]).toEqual([
    {
      type: 'message.subscribed',
      subscriptionKey: 'confirmation#1',
      messageName: 'unit.confirmed',
      correlationKey: '42',
      elementId: 'confirmation',
      activation: 1,
    },
  ]);
  h.correlate('unit.confirmed', { confirmedBy: 'li' });
  expect(h.vars.confirmedBy).toBe('li');
  expect(h.status).toBe('completed');
});

it('given a message for an activation that does not exist, when sent, then it is rejected', async () => {
  const h = (await deploy(xml)).start({ unitId: 42 });
  expect(
    h.send({
      type: 'message.correlate',
      messageName: 'unit.confirmed',
      elementId: 'confirmation',
      activation: 2,
      variables: {},
    }),
  ).toMatchObject({ rejected: true });
});
