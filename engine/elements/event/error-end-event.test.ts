/** @module Error end event: thrown inside a subprocess, caught by the error boundary on it; uncaught it is an incident. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'error-end-event.bpmn');

describe('error end event', () => {
  it('given an invalid inspection, when the error end is reached, then the boundary on the subprocess takes over', async () => {
    const h = (await deploy(xml)).start();
    h.completeTask('inspect', { valid: false });
    expect(h.active).toEqual(['fix']);
    expect(h.trail).toEqual(expect.arrayContaining(['error.caught:onInvalid', 'element.terminated:check']));
  });

  it('given the boundary catches another code, when the error end is reached, then an incident is raised on the error end event', async () => {
    const other = xml
      .replace(
        '<bpmn:boundaryEvent id="onInvalid" attachedToRef="check"><bpmn:errorEventDefinition errorRef="errInvalid" />',
        '<bpmn:boundaryEvent id="onInvalid" attachedToRef="check"><bpmn:errorEventDefinition errorRef="errOther" />',
      )
      .replace('</bpmn:definitions>', '<bpmn:error id="errOther" errorCode="OTHER" /></bpmn:definitions>');
    const h = (await deploy(other)).start();
    h.completeTask('inspect', { valid: false });
    expect(h.status).toBe('incident');
    expect([...h.incidents.values()][0]).toMatchObject({
      elementId: 'invalid',
      errorType: 'unhandled-error',
    });
    expect(h.active).toEqual(['check', 'invalid']);
  });
});
