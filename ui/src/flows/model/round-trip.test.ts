/** @module Round trips: every shipped process → cards → BPMN → cards is stable, and the BPMN compiles with the engine. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../../../engine/compile/compile-bpmn';
import { overlaps } from './layout';
import { readBpmn } from './read-bpmn';
import type { FlowModel } from './types';
import { layoutOf, writeBpmn } from './write-bpmn';

const root = join(import.meta.dirname, '../../../../workflows');
const shipped = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    try {
      return [[d.name, readFileSync(join(root, d.name, 'process.bpmn'), 'utf8')] as const];
    } catch {
      return [];
    }
  });

const read = (xml: string): FlowModel => {
  const r = readBpmn(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.unsupported));
  return r.model;
};

describe('shipped processes round trip through the designer', () => {
  it('finds the shipped processes', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(4);
  });
  for (const [name, xml] of shipped) {
    it(`${name}: BPMN → cards → BPMN → cards is stable, compiles, and lays out without overlaps`, async () => {
      // given the shipped diagram read into cards
      const model = read(xml);
      // when it is written and read again
      const out = writeBpmn(model);
      const again = read(out);
      // then the cards are the same, the BPMN compiles, writing again gives the same XML, and no shapes overlap
      expect(again).toEqual(model);
      expect(writeBpmn(again)).toBe(out);
      const compiled = await compileBpmn(out);
      expect(compiled.ok ? [] : compiled.issues).toEqual([]);
      expect(overlaps(layoutOf(model))).toEqual([]);
    });
  }

  it('catalog-registration reads as the chain an administrator expects', () => {
    const m = read(shipped.find(([n]) => n === 'catalog-registration')?.[1] ?? '');
    expect(m.chain.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'start:填报目录',
      'approver:单位审核',
      'decision:单位审核结果',
      'approver:主管部门审核',
      'timer:审核逾期',
      'decision:审核结论',
      'locked:发布目录',
      'notify:通知已发布',
      'end:已发布',
    ]);
    expect(m.starters).toEqual(['unit.cataloguer']);
    const unit = m.chain[1];
    expect(unit.kind === 'approver' && unit.who).toEqual({ kind: 'starterLeader' });
    const review = m.chain[3];
    expect(review.kind === 'approver' && review.due).toEqual({ workdays: 5 });
    const timer = m.chain[4];
    expect(timer.kind === 'timer' && timer.when).toEqual({ workdays: 5, daily: true });
    const decision = m.chain[2];
    expect(
      decision.kind === 'decision' &&
        decision.outcomes.map((o) => [o.name, o.path.map((c) => c.name), o.goesTo]),
    ).toEqual([['退回', ['记录退回', '修改目录'], { goto: 'unit-approval' }]]);
  });
});
