/** @module Manual task: recorded in history and passed through. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given a manual task, when the instance starts, then it passes through and is recorded', async () => {
  const h = (await deploy(fixture(import.meta.url, 'manual-task.bpmn'))).start();
  expect(h.status).toBe('completed');
  expect(h.trail).toContain('element.completed:sign');
});
