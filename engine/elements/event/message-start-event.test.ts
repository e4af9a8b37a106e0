/** @module Message start event: listed in info; starting from it picks its path, the none start stays the default. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'message-start-event.bpmn');

it('given a message start, when compiled, then info.messageStarts names the message', async () => {
  const r = await compileBpmn(xml);
  expect(r.ok && r.processes[0].info.messageStarts).toEqual([
    { elementId: 'onReport', messageName: 'problem.reported' },
  ]);
});

it('given two start events, when started from the message or by default, then each takes its own path', async () => {
  expect((await deploy(xml)).start({}, { startEventId: 'onReport' }).active).toEqual(['triage']);
  expect((await deploy(xml)).start().active).toEqual(['manualEntry']);
});
