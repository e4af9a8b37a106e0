/** @module Parallel gateway: branches run together, the join waits for all; unmatched splits are refused. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'parallel-gateway.bpmn');

describe('parallel gateway', () => {
  it('given a split, when branches complete one by one, then the join passes only after the last', async () => {
    const h = (await deploy(xml)).start();
    expect(h.active.sort()).toEqual(['legal', 'security']);
    h.completeTask('security');
    expect(h.active.sort()).toEqual(['legal', 'securitySign']);
    h.completeTask('legal');
    expect(h.active).toEqual(['securitySign']);
    h.completeTask('securitySign');
    expect(h.status).toBe('completed');
    expect(h.trail.filter((t) => t === 'element.activated:join')).toHaveLength(1);
  });

  it('given a branch that leaves the block, when compiled, then the crossing is reported with element ids', async () => {
    const bad = xml.replace(
      '<bpmn:sequenceFlow id="f5" sourceRef="legal" targetRef="join" />',
      '<bpmn:sequenceFlow id="f5" sourceRef="legal" targetRef="end" />',
    );
    const r = await compileBpmn(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
    if (!r.ok) expect(r.issues.every((i) => i.elementId)).toBe(true);
  });
});
