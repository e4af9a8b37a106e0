/** @module Round trips: every shipped process → cards → BPMN → cards is stable, and the BPMN compiles with the engine. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../../../engine/compile/compile-bpmn';
import { branchList, insertCard, MAIN, newCard, type OnReject, onRejectOf, setOnReject } from './edit';
import { overlaps } from './layout';
import { readBpmn } from './read-bpmn';
import type { BranchCard, FlowModel, TaskCard } from './types';
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

  // Each 不同意时 the designer adds, on a shipped process: 法制审核 after 单位审核's result, and 复核 inside a new
  // 条件分支 after it, each set one way; the BPMN reads back as the same cards and the same setting.
  const settings: [string, (legal: TaskCard) => OnReject, OnReject][] = [
    ['结束', () => ({ kind: 'end' }), { kind: 'end' }],
    ['退回发起人', () => ({ kind: 'starter' }), { kind: 'starter' }],
    ['退回到上一审批节点', (legal) => ({ kind: 'goto', target: legal.id }), { kind: 'starter' }],
    [
      '退回到指定节点 (单位审核)',
      () => ({ kind: 'goto', target: 'unit-approval' }),
      { kind: 'goto', target: 'unit-approval' },
    ],
  ];
  for (const [label, inBranch, atReview] of settings) {
    it(`catalog-registration with 不同意时 ${label}: cards → BPMN → cards is stable, compiles, lays out`, async () => {
      // given 目录编制与注册 with 法制审核 and a 条件分支 holding 复核
      let m = read(shipped.find(([n]) => n === 'catalog-registration')?.[1] ?? '');
      const after = m.chain.findIndex((c) => c.id === 'unit-decision') + 1;
      const legal = { ...(newCard(m, 'approver') as TaskCard), name: '法制审核', formKey: 'unit-approval' };
      m = insertCard(m, { list: MAIN, index: after }, legal);
      const cond = newCard(m, 'condition') as BranchCard;
      cond.branches[0].condition = { groups: [[{ field: 'shareType', op: '=', value: 'conditional' }]] };
      m = insertCard(m, { list: MAIN, index: after + 1 }, cond);
      const check = { ...(newCard(m, 'approver') as TaskCard), name: '复核', formKey: 'unit-approval' };
      m = insertCard(m, { list: branchList(cond.id, 0), index: 0 }, check);
      // when 复核 and 法制审核 get their 不同意时
      m = setOnReject(m, check, inBranch(legal));
      m = setOnReject(m, legal, atReview);
      expect(onRejectOf(m, check.id)).toEqual(inBranch(legal));
      // then writing and reading give the same cards and settings, writing again the same XML
      const out = writeBpmn(m);
      const again = read(out);
      expect(strip(again)).toEqual(strip(m));
      expect(onRejectOf(again, check.id)).toEqual(inBranch(legal));
      expect(onRejectOf(again, legal.id)).toEqual(atReview);
      expect(writeBpmn(again)).toBe(out);
      const compiled = await compileBpmn(out);
      expect(compiled.ok ? [] : compiled.issues).toEqual([]);
      expect(overlaps(layoutOf(m))).toEqual([]);
    });
  }
});

/** The cards without the flow ids reading fills in (new cards have none until written). */
function strip(m: FlowModel) {
  return JSON.parse(JSON.stringify(m.chain, (k, v) => (k === 'flowIn' || k === 'flowOut' ? undefined : v)));
}
