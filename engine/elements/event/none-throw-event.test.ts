/** @module None intermediate throw event: a milestone, recorded and passed. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given a none intermediate throw event, when the instance starts, then it passes through and is recorded in history', async () => {
  const h = (await deploy(fixture(import.meta.url, 'none-throw-event.bpmn'))).start();
  expect(h.status).toBe('completed');
  expect(h.trail).toEqual(
    expect.arrayContaining(['element.activated:submitted', 'element.completed:submitted']),
  );
});
