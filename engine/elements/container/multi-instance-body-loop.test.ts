/** @module A loop of message waits inside a multi-instance body (issue #13, Camunda 8's parcel tracking): each pass re-opens the subscriptions under the body's key. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given a parcel that fails once, when it is in transit again and then delivered, then its body loops back and ends, and the other parcel is unaffected', async () => {
  const h = (await deploy(fixture(import.meta.url, 'multi-instance-body-loop.bpmn'))).start({
    parcels: ['P1', 'P2'],
  });
  h.correlate('NOTDELIVERED', {}, 'P1');
  h.correlate('INTRANSIT', {}, 'P1');
  // back at the event gateway: both of P1's subscriptions are open again
  expect(
    [...h.subscriptions.values()]
      .filter((s) => s.correlationKey === 'P1')
      .map((s) => s.messageName)
      .sort(),
  ).toEqual(['DELIVERED', 'NOTDELIVERED']);
  h.correlate('DELIVERED', {}, 'P2');
  expect(h.status).toBe('active');
  h.correlate('DELIVERED', {}, 'P1');
  expect(h.status).toBe('completed');
});
