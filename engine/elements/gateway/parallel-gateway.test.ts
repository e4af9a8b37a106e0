/** @module Parallel gateway: branches run together, the join waits for all; branches that leave the block run with token semantics. */
import { describe, expect, it } from 'vitest';
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

  // Issue #13: a branch that leaves the block is no longer refused; it runs with BPMN's token semantics.
  it('given a branch that leaves the block for the end event, when run, then each token ends on its own and the instance completes after both', async () => {
    const unjoined = xml.replace(
      '<bpmn:sequenceFlow id="f5" sourceRef="legal" targetRef="join" />',
      '<bpmn:sequenceFlow id="f5" sourceRef="legal" targetRef="end" />',
    );
    const h = (await deploy(unjoined)).start();
    h.completeTask('legal');
    expect(h.active.sort()).toEqual(['security']);
    h.completeTask('security');
    h.completeTask('securitySign');
    expect(h.status).toBe('completed');
  });
});
