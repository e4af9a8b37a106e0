/**
 * @module Countersign rules run in the engine: for each mode, a diagram built from the compiled settings ends the step
 * exactly when the rule says, and the gateway after it reads the outcome. (Named `.http.test.ts` because it sits on
 * top of the layers: a ui file may not import the engine's harness, a whole-product test may.)
 */
import { describe, expect, it } from 'vitest';
import { deploy } from '../../../../../engine/testing';
import { approvedCondition, type CountersignRule, compileCountersign, loopXml } from './countersign';

function diagram(rule: CountersignRule): string {
  const s = compileCountersign('sign-off', rule);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://huiliu.example/test">
  <bpmn:process id="countersign" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="sign-off" name="审批">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition assignee="${s.assignee}" />
      </bpmn:extensionElements>
${loopXml(s)}
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="outcome" default="to-rejected" />
    <bpmn:endEvent id="approved" />
    <bpmn:endEvent id="rejected" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sign-off" />
    <bpmn:sequenceFlow id="f2" sourceRef="sign-off" targetRef="outcome" />
    <bpmn:sequenceFlow id="to-approved" sourceRef="outcome" targetRef="approved">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approvedCondition('sign-off', rule).replace(/"/g, '&quot;')}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="to-rejected" sourceRef="outcome" targetRef="rejected" />
  </bpmn:process>
</bpmn:definitions>`;
}

const SIGNERS = ['li', 'wang', 'zhao', 'qian'];

async function run(rule: CountersignRule, votes: [loopIndex: number, decision: string][]) {
  const h = (await deploy(diagram(rule))).start({ reviewers: SIGNERS });
  const acted: number[] = [];
  for (const [i, decision] of votes) {
    if (h.status !== 'active') break;
    h.completeTask('sign-off', { decision }, { loopIndex: i });
    acted.push(i);
  }
  const endedAt = h.history
    .filter((e) => e.type === 'element.completed' && e.elementId !== undefined)
    .map((e) => e.elementId);
  return {
    h,
    acted,
    outcome: endedAt.includes('approved') ? 'approved' : endedAt.includes('rejected') ? 'rejected' : 'open',
  };
}

const approvers = '=reviewers';

describe('countersign rules in the engine', () => {
  it('given 或签, when the second signer approves after a rejection, then the step ends at that approval and the rest are cancelled', async () => {
    const { h, acted, outcome } = await run({ mode: 'any', approvers }, [
      [1, 'return'],
      [2, 'approve'],
      [3, 'approve'],
    ]);
    expect(acted).toEqual([1, 2]);
    expect(outcome).toBe('approved');
    expect(h.effects.filter((e) => e.type === 'task.closed' && e.reason === 'cancelled')).toHaveLength(2);
  });

  it('given 或签, when every signer rejects, then the step ends rejected only after the last', async () => {
    const { acted, outcome } = await run({ mode: 'any', approvers }, [
      [0, 'return'],
      [1, 'return'],
      [2, 'return'],
      [3, 'return'],
    ]);
    expect(acted).toEqual([0, 1, 2, 3]);
    expect(outcome).toBe('rejected');
  });

  it('given 一票否决, when the second signer rejects, then the step ends there, rejected', async () => {
    const { acted, outcome } = await run({ mode: 'veto', approvers }, [
      [0, 'approve'],
      [1, 'return'],
      [2, 'approve'],
    ]);
    expect(acted).toEqual([0, 1]);
    expect(outcome).toBe('rejected');
  });

  it('given 一票否决, when all approve, then the step passes after the last', async () => {
    const { acted, outcome } = await run({ mode: 'veto', approvers }, [
      [3, 'approve'],
      [2, 'approve'],
      [1, 'approve'],
      [0, 'approve'],
    ]);
    expect(acted).toHaveLength(4);
    expect(outcome).toBe('approved');
  });

  it('given 会签, when one rejects first, then the step still waits for everyone and ends rejected', async () => {
    const r = await run({ mode: 'all', approvers }, [
      [0, 'return'],
      [1, 'approve'],
      [2, 'approve'],
    ]);
    expect(r.acted).toEqual([0, 1, 2]);
    expect(r.outcome).toBe('open');
    expect(r.h.tasks.size).toBe(1);
    r.h.completeTask('sign-off', { decision: 'approve' }, { loopIndex: 3 });
    expect(r.h.history.map((e) => e.elementId)).toContain('rejected');
  });

  it('given 会签, when all approve, then the step passes', async () => {
    const { outcome } = await run({ mode: 'all', approvers }, [
      [0, 'approve'],
      [1, 'approve'],
      [2, 'approve'],
      [3, 'approve'],
    ]);
    expect(outcome).toBe('approved');
  });

  it('given 按比例通过 75%, when three of four approve, then the step passes at the third approval', async () => {
    const { acted, outcome } = await run({ mode: 'ratio', approvers, percent: 75 }, [
      [0, 'approve'],
      [1, 'approve'],
      [2, 'approve'],
      [3, 'return'],
    ]);
    expect(acted).toEqual([0, 1, 2]);
    expect(outcome).toBe('approved');
  });

  it('given 按比例通过 75%, when two reject, then the step ends rejected at once (75% no longer reachable)', async () => {
    const { acted, outcome } = await run({ mode: 'ratio', approvers, percent: 75 }, [
      [0, 'approve'],
      [1, 'return'],
      [2, 'return'],
      [3, 'approve'],
    ]);
    expect(acted).toEqual([0, 1, 2]);
    expect(outcome).toBe('rejected');
  });

  it('given 依次审批, when started, then only the first signer has a task, and each approval opens the next', async () => {
    const h = (await deploy(diagram({ mode: 'sequential', approvers }))).start({ reviewers: SIGNERS });
    expect([...h.tasks.values()].map((t) => t.assignee)).toEqual(['li']);
    h.completeTask('sign-off', { decision: 'approve' }, { loopIndex: 0 });
    expect([...h.tasks.values()].map((t) => t.assignee)).toEqual(['wang']);
    h.completeTask('sign-off', { decision: 'return' }, { loopIndex: 1 });
    expect(h.tasks.size).toBe(0);
    expect(h.status).toBe('completed');
    expect(h.history.map((e) => e.elementId)).toContain('rejected');
  });

  it('given 依次审批, when all approve in order, then the step passes', async () => {
    const { outcome } = await run({ mode: 'sequential', approvers }, [
      [0, 'approve'],
      [1, 'approve'],
      [2, 'approve'],
      [3, 'approve'],
    ]);
    expect(outcome).toBe('approved');
  });
});
