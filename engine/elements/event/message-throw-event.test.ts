/** @module Message intermediate throw event: a job (Zeebe semantics); the path continues when the worker completes it. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'message-throw-event.bpmn');

it('given a message throw event, when reached, then its job waits and completing it continues the path', async () => {
  const h = (await deploy(xml)).start();
  expect(h.job('tellPlatform').jobType).toBe('platform.publish');
  expect(h.active).toEqual(['tellPlatform']);
  h.completeJob('tellPlatform');
  expect(h.active).toEqual(['review']);
});

it('given a message throw event without a job type, when deployed, then it is refused', async () => {
  const r = await compileBpmn(xml.replace(/<bpmn:extensionElements>.*?<\/bpmn:extensionElements>/, ''));
  expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual(['job.missing-type@tellPlatform']);
});
