/** @module Error boundary event on a service task: the worker's BPMN error with the matching code takes the boundary path. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'error-boundary-event.bpmn');

describe('error boundary event', () => {
  it('given a lookup job, when the worker throws NOT_FOUND, then manual lookup opens and the job is not cancelled twice', async () => {
    const h = (await deploy(xml)).start();
    h.throwError('lookup', 'NOT_FOUND', 'no such entry');
    expect(h.active).toEqual(['manualLookup']);
    expect(h.effects.some((e) => e.type === 'job.cancelled')).toBe(false);
    expect(h.trail).toContain('error.caught:notFound');
  });

  it('given a lookup job, when the worker throws another code, then nothing catches it and an incident is raised', async () => {
    const h = (await deploy(xml)).start();
    h.throwError('lookup', 'TIMEOUT');
    expect(h.status).toBe('incident');
    expect(h.active).toEqual(['lookup']);
  });

  it('given an error boundary on a user task, when compiled, then it is refused naming the boundary', async () => {
    const bad = xml.replace(
      '<bpmn:boundaryEvent id="notFound" attachedToRef="lookup">',
      '<bpmn:boundaryEvent id="notFound" attachedToRef="manualLookup">',
    );
    const r = await compileBpmn(bad);
    expect(
      !r.ok && r.issues.some((i) => i.elementId === 'notFound' && i.code === 'error-boundary.host'),
    ).toBe(true);
  });
});
