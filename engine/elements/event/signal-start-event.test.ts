/** @module Signal start event: listed in info.signalStarts; starting from it takes its path. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'signal-start-event.bpmn');

it('given a signal start, when compiled, then info.signalStarts names the signal', async () => {
  const r = await compileBpmn(xml);
  expect(r.ok && r.processes[0].info.signalStarts).toEqual([
    { elementId: 'onCatalogPublished', signalName: 'catalog.published' },
  ]);
});

it('given a signal start and a none start, when started from each, then each takes its own path', async () => {
  expect((await deploy(xml)).start({}, { startEventId: 'onCatalogPublished' }).active).toEqual(['review']);
  expect((await deploy(xml)).start().active).toEqual(['manualReview']);
});
