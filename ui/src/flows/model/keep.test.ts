/** @module What cards cannot show: kept through a round trip when it sits on an element cards understand, 高级模式 otherwise. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../../../engine/compile/compile-bpmn';
import { conditionToFeel, feelToCondition } from './conditions';
import { insertCard, MAIN, newCard } from './edit';
import { readBpmn } from './read-bpmn';
import type { FlowModel } from './types';
import { writeBpmn } from './write-bpmn';

const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:acme="https://acme.example/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" name="测试" isExecutable="true">
${body}
  </bpmn:process>
</bpmn:definitions>`;

const read = (xml: string): FlowModel => {
  const r = readBpmn(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.unsupported));
  return r.model;
};

describe('what the cards cannot show', () => {
  it('keeps unknown attributes, extension elements and documentation on a card it edits, through an edit', async () => {
    // given a user task with a foreign attribute, a foreign extension element, a zeebe property and documentation
    const xml = doc(`
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="t" name="审核" acme:cost="3">
      <bpmn:documentation>说明文字</bpmn:documentation>
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="authority.reviewer" />
        <acme:sla hours="8"><acme:note>保留我</acme:note></acme:sla>
        <zeebe:properties><zeebe:property name="owner" value="张三" /></zeebe:properties>
        <zeebe:taskHeaders><zeebe:header key="fieldAccess" value="{&quot;comment&quot;:&quot;edit&quot;}" /><zeebe:header key="extra" value="1" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />`);
    // when a card is added after it and the model is written
    let m = read(xml);
    m = insertCard(m, { list: MAIN, index: 2 }, newCard(m, 'cc'));
    const out = writeBpmn(m);
    // then everything unknown is still there, and the header the panel edits is read as field access
    expect(out).toContain('acme:cost="3"');
    expect(out).toContain('<acme:note>保留我</acme:note>');
    expect(out).toContain('name="owner" value="张三"');
    expect(out).toContain('<bpmn:documentation>说明文字</bpmn:documentation>');
    expect(out).toContain('xmlns:acme="https://acme.example/bpmn"');
    const task = read(out).chain[1];
    expect(
      task.kind === 'approver' || task.kind === 'handler' ? [task.fieldAccess, task.headers] : null,
    ).toEqual([{ comment: 'edit' }, [['extra', '1']]]);
    const compiled = await compileBpmn(out);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
  });

  it('names what it cannot show (an inclusive split without a join, a second start) instead of guessing', () => {
    // given an inclusive gateway whose branches end separately
    const r = readBpmn(
      doc(`
    <bpmn:startEvent id="s" />
    <bpmn:inclusiveGateway id="g" name="多选" />
    <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g" />
    <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=a</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="e2"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=b</bpmn:conditionExpression></bpmn:sequenceFlow>`),
    );
    // then the read says so, naming the element, in Chinese
    expect(r.ok).toBe(false);
    expect(!r.ok && r.unsupported.map((u) => u.zh).join()).toContain('“多选”(g)');
    expect(readBpmn(doc('<bpmn:startEvent id="a" /><bpmn:startEvent id="b" />')).ok).toBe(false);
    expect(readBpmn('<!DOCTYPE x><x/>').ok).toBe(false);
  });

  it('reads back the conditions it writes and keeps any other FEEL as written', () => {
    const c = {
      groups: [
        [
          { field: 'shareType', op: '=' as const, value: 'conditional' },
          { field: 'amount', op: '>=' as const, value: 10 },
        ],
        [{ field: 'urgent', op: '=' as const, value: true }],
      ],
    };
    expect(conditionToFeel(c)).toBe('=(shareType = "conditional" and amount >= 10) or urgent = true');
    expect(feelToCondition(conditionToFeel(c))).toEqual(c);
    expect(feelToCondition('=a = "x" and b = 1 or c = 2')).toEqual({ raw: '=a = "x" and b = 1 or c = 2' });
    expect(feelToCondition('=count(items) > 2')).toEqual({ raw: '=count(items) > 2' });
    expect(feelToCondition('=name = "含 \\"引号\\""')).toEqual({
      groups: [[{ field: 'name', op: '=', value: '含 "引号"' }]],
    });
  });
});
