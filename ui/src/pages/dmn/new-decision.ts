/**
 * @module ui/pages/dmn/new-decision: a starting decision table (DMN 1.3, FEEL): one input, one output, one rule, hit
 * policy UNIQUE, so an administrator edits cells instead of writing XML. Pure text; ids checked as the engine needs.
 */

/** A decision id is what a business rule task's `zeebe:calledDecision decisionId` names: an XML id. */
export const DECISION_ID = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function newDecisionXml(decisionId: string, name: string): string {
  if (!DECISION_ID.test(decisionId)) throw new Error(`not a decision id: ${decisionId}`);
  const id = decisionId;
  const n = esc(name || decisionId);
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="${id}_definitions" name="${n}" namespace="https://huiliu.example.gov.cn/dmn">
  <decision id="${id}" name="${n}">
    <decisionTable id="${id}_table" hitPolicy="UNIQUE">
      <input id="${id}_input1" label="输入">
        <inputExpression id="${id}_input1_expr" typeRef="string">
          <text>input</text>
        </inputExpression>
      </input>
      <output id="${id}_output1" label="结果" name="result" typeRef="string" />
      <rule id="${id}_rule1">
        <inputEntry id="${id}_rule1_in">
          <text>"a"</text>
        </inputEntry>
        <outputEntry id="${id}_rule1_out">
          <text>"yes"</text>
        </outputEntry>
      </rule>
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="${id}_diagram">
      <dmndi:DMNShape id="${id}_shape" dmnElementRef="${id}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}

/** The decisions a BPMN calls (business rule tasks' zeebe:calledDecision), for the editor's suggestions. */
export function calledDecisions(bpmnXml: string): string[] {
  const ids = [...bpmnXml.matchAll(/<zeebe:calledDecision\b[^>]*\bdecisionId="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(ids)].filter((id) => DECISION_ID.test(id));
}

/** The decision ids a DMN file defines (to name its resource and to tell which calls it answers). */
export function decisionIdsOf(dmnXml: string): string[] {
  return [...dmnXml.matchAll(/<(?:[\w-]+:)?decision\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
}
