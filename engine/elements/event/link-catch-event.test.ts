/** @module Link catch event: a loop drawn with a link pair runs as the loop it stands for. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

it('given a link pair drawn as a loop back, when the gateway takes it, then the task opens again', async () => {
  const h = (await deploy(fixture(import.meta.url, 'link-catch-event.bpmn'))).start();
  h.completeTask('fill', { complete: false });
  expect(h.task('fill').taskKey).toBe('fill#2');
  h.completeTask('fill', { complete: true });
  expect(h.status).toBe('completed');
});
