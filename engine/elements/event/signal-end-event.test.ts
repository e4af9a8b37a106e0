/** @module Signal end event: broadcasts (a FEEL name is evaluated) and ends the path. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'signal-end-event.bpmn');

it('given a FEEL signal name, when the end is reached, then the evaluated name is broadcast and the instance completes', async () => {
  const h = (await deploy(xml)).start({ state: 'frozen' });
  expect(h.broadcasts.map((b) => b.signalName)).toEqual(['catalog.frozen']);
  expect(h.status).toBe('completed');
});

it('given a signal without a name, when compiled, then signal.missing names the element', async () => {
  const r = await compileBpmn(xml.replace(' name="=&quot;catalog.&quot; + state"', ''));
  expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual(['signal.missing@frozen']);
});
