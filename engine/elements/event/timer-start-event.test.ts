/** @module Timer start event: listed for the runtime's scheduler; an instance started from it runs from there. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'timer-start-event.bpmn');

it('given a monthly cycle, when compiled, then info.timerStarts carries it', async () => {
  const r = await compileBpmn(xml);
  expect(r.ok && r.processes[0].info.timerStarts).toEqual([
    { elementId: 'monthly', timeCycle: 'R/2026-04-01T00:00:00+08:00/P1M' },
  ]);
});

it('given the runtime starts from the timer, when started, then the draft task opens', async () => {
  const h = (await deploy(xml)).start({}, { startEventId: 'monthly' });
  expect(h.active).toEqual(['draftBulletin']);
});

it('given a cycle that is not ISO 8601, when compiled, then the start event is named', async () => {
  const r = await compileBpmn(xml.replace('R/2026-04-01T00:00:00+08:00/P1M', 'every month'));
  expect(!r.ok && r.issues.map((i) => [i.elementId, i.code])).toEqual([['monthly', 'timer.syntax']]);
});
