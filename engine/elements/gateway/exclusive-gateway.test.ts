/** @module Exclusive gateway: FEEL conditions route, loops reopen tasks as new activations, no match → incident, missing conditions refused. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'exclusive-gateway.bpmn');

describe('exclusive gateway', () => {
  it('given a return, when review completes, then revise opens and review reopens as activation 2', async () => {
    const h = (await deploy(xml)).start();
    h.completeTask('review', { decision: 'return' });
    expect(h.active).toEqual(['revise']);
    h.completeTask('revise');
    expect(h.task('review').taskKey).toBe('review#2');
    h.completeTask('review', { decision: 'approve' });
    expect(h.status).toBe('completed');
    expect(h.trail).toContain('element.completed:approved');
  });

  it('given a value no condition matches and no default flow, when the gateway decides, then an incident holds it until retry', async () => {
    const h = (await deploy(xml)).start();
    h.completeTask('review', { decision: 'maybe' });
    expect(h.status).toBe('incident');
    expect(h.active).toEqual(['decide']);
    expect([...h.incidents.values()][0]).toMatchObject({ elementId: 'decide', errorType: 'no-flow' });
  });

  it('given a flow without a condition that is not the default, when compiled, then the flow is named in an error', async () => {
    const bad = xml.replace(
      /(<bpmn:sequenceFlow id="toRejected"[^>]*>)[\s\S]*?<\/bpmn:sequenceFlow>/,
      '$1</bpmn:sequenceFlow>',
    );
    const r = await compileBpmn(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual(
        expect.objectContaining({ elementId: 'toRejected', code: 'gateway.missing-condition' }),
      );
  });

  it('given a gateway with no outgoing flow, when compiled, then the gateway is named in an error', async () => {
    const dangling = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="nowhere" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="nowhere" /></bpmn:process></bpmn:definitions>`;
    const r = await compileBpmn(dangling);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual(
        expect.objectContaining({ elementId: 'nowhere', code: 'gateway.no-outgoing' }),
      );
  });

  it('given a default flow, when nothing matches, then the default is taken', async () => {
    const withDefault = xml.replace(
      '<bpmn:exclusiveGateway id="decide" />',
      '<bpmn:exclusiveGateway id="decide" default="toRejected" />',
    );
    const h = (await deploy(withDefault)).start();
    h.completeTask('review', { decision: 'maybe' });
    expect(h.status).toBe('completed');
    expect(h.trail).toContain('element.completed:rejected');
  });
});
