/** @module None start event: starts the instance with its variables; its form is published in the process info. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'start-event.bpmn');

it('given variables, when started, then the token passes the start event to the first task', async () => {
  const h = (await deploy(xml)).start({ a: 1 }, { businessKey: 'BK-1' });
  expect(h.active).toEqual(['fill']);
  expect(h.vars).toEqual({ a: 1 });
  expect(h.history[0]).toMatchObject({ type: 'instance.started', data: { businessKey: 'BK-1' } });
});

it('given a start form, when compiled, then info names it', async () => {
  const r = await compileBpmn(xml);
  expect(r.ok && r.processes[0].info.startFormKey).toBe('catalog-entry');
});
