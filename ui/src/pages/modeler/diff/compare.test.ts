/** @module ui/pages/modeler/diff/compare.test: added, removed, changed and moved elements between two versions. */
import { readFileSync } from 'node:fs';
// @ts-expect-error bpmn-moddle ships no type declarations for its ESM entry
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { compareDefinitions, isEmptyDiff } from './compare';

const moddle = new BpmnModdle({ zeebe });
const parse = async (xml: string) => (await moddle.fromXML(xml, 'bpmn:Definitions')).rootElement;
const v1 = readFileSync('workflows/catalog-registration/process.bpmn', 'utf8');

describe('compareDefinitions', () => {
  it('given the same diagram twice, when compared, then nothing differs', async () => {
    expect(isEmptyDiff(compareDefinitions(await parse(v1), await parse(v1)))).toBe(true);
  });

  it('given a task added, one removed, a candidate group changed and a shape moved, when compared, then each is listed', async () => {
    // revise goes with its two flows and their shapes, as deleting it on the canvas would do
    const gone = ['revise', 'flow-to-revise', 'flow-resubmit'];
    let v2 = v1
      .replace(
        /<bpmn:userTask id="revise"[\s\S]*?<\/bpmn:userTask>/,
        '<bpmn:userTask id="legal-review" name="法制审核" />',
      )
      .replace('candidateGroups="authority.reviewer"', 'candidateGroups="authority.governance"')
      .replace(/(bpmnElement="unit-approval">\s*<dc:Bounds x=")(\d+)/, (_, a, x) => `${a}${Number(x) + 40}`);
    for (const id of gone) {
      v2 = v2
        .replace(new RegExp(`<bpmn:sequenceFlow id="${id}"[^>]*/>`), '')
        .replace(new RegExp(`<bpmn:(incoming|outgoing)>${id}</bpmn:\\1>`, 'g'), '')
        .replace(
          new RegExp(`<bpmndi:BPMN(Shape|Edge) id="[^"]*" bpmnElement="${id}"[\\s\\S]*?</bpmndi:BPMN\\1>`),
          '',
        );
    }
    const d = compareDefinitions(await parse(v1), await parse(v2));
    expect(d.added.map((e) => e.id)).toEqual(['legal-review']);
    expect(d.added[0]).toMatchObject({ type: 'UserTask', name: '法制审核' });
    expect(d.removed.map((e) => e.id).sort()).toEqual([...gone].sort());
    expect(d.changed.map((e) => e.id)).toContain('authority-review');
    expect(d.moved.map((e) => e.id)).toContain('unit-approval');
  });
});

describe('diff labels', () => {
  it('given an unnamed flow and a changed task, when labelled, then names (not ids) and settings in words are shown', async () => {
    const { attrLabels, entryLabel } = await import('./labels');
    const v2 = v1.replace('candidateGroups="authority.reviewer"', 'candidateGroups="authority.governance"');
    const d = compareDefinitions(await parse(v1), await parse(v2));
    const review = d.changed.find((e) => e.id === 'authority-review')!;
    expect(entryLabel(review, 'zh')).toBe('主管部门审核');
    expect(attrLabels(review.attrs, 'zh')).toContain('候选组');
    expect(
      entryLabel({ id: 'Flow_13t2qym', type: 'SequenceFlow', from: '单位审核', to: '审核结论' }, 'zh'),
    ).toBe('单位审核 → 审核结论');
    expect(entryLabel({ id: 'Gateway_1', type: 'ExclusiveGateway' }, 'zh')).toBe('排他网关');
    expect(entryLabel({ id: 'Flow_2', type: 'SequenceFlow', from: 'UserTask', to: '已发布' }, 'zh')).toBe(
      '用户任务 → 已发布',
    );
    expect(attrLabels(['extensionElements.values[3].foo'], 'en')).toEqual(['other settings']);
  });

  it('given only a shape moved, when compared, then it is no real change', async () => {
    const { hasNoRealChange } = await import('./compare');
    const v2 = v1.replace(
      /(bpmnElement="unit-approval">\s*<dc:Bounds x=")(\d+)/,
      (_, a, x) => `${a}${Number(x) + 40}`,
    );
    const d = compareDefinitions(await parse(v1), await parse(v2));
    expect(d.moved.length).toBeGreaterThan(0);
    expect(hasNoRealChange(d)).toBe(true);
  });
});
