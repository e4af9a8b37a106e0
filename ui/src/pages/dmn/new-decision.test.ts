/** @module A new decision table deploys and evaluates in the engine's DMN; called decisions are read from a BPMN. */
import { describe, expect, it } from 'vitest';
import { calledDecisions, decisionIdsOf, newDecisionXml } from './new-decision';

describe('new decision table', () => {
  it('given an id and a name, when written, then it names that decision with the name escaped', () => {
    const xml = newDecisionXml('share_level', '共享级别 & 条件');
    expect(decisionIdsOf(xml)).toEqual(['share_level']);
    expect(xml).toContain('name="共享级别 &amp; 条件"');
  });

  it('given a bad id, when written, then it is refused', () => {
    expect(() => newDecisionXml('1 bad', 'x')).toThrow();
  });

  it('given a BPMN with business rule tasks, when read, then the called decision ids come once each', () => {
    const bpmn =
      '<bpmn:businessRuleTask id="t"><bpmn:extensionElements><zeebe:calledDecision decisionId="route" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask><zeebe:calledDecision decisionId="route" resultVariable="x" />';
    expect(calledDecisions(bpmn)).toEqual(['route']);
  });
});
