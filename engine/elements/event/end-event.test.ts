/** @module None end event: the instance completes when its last path ends. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given start → end, when started, then the instance completes at once', async () => {
  const h = (await deploy(fixture(import.meta.url, 'end-event.bpmn'))).start();
  expect(h.status).toBe('completed');
  expect(h.active).toEqual([]);
  expect(h.trail.at(-1)).toBe('instance.completed');
});
