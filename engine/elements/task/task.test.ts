/** @module Plain task: passes through. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given a plain task, when the instance starts, then it passes through', async () => {
  const h = (await deploy(fixture(import.meta.url, 'task.bpmn'))).start();
  expect(h.status).toBe('completed');
  expect(h.trail).toEqual(expect.arrayContaining(['element.activated:draft', 'element.completed:draft']));
});
