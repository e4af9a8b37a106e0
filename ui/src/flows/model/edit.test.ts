/** @module Card edits: what may be removed or moved, and what must be fixed before publishing (runs: ui/e2e/flow-designer-model.test.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addBranch,
  cannotRemove,
  canMove,
  checkModel,
  emptyModel,
  inParallel,
  insertCard,
  MAIN,
  branchList,
  moveCard,
  newCard,
  onRejectOf,
  ownerOfResult,
  rejectResultOf,
  removeCard,
  replaceCard,
  returnTargets,
  setOnReject,
  setStartForm,
  setTimerAction,
  timerAction,
} from './edit';
import { readBpmn } from './read-bpmn';
import type { BranchCard, Card, FlowModel, TaskCard, TimerCard } from './types';

const registration = readFileSync(
  join(import.meta.dirname, '../../../../workflows/catalog-registration/process.bpmn'),
  'utf8',
);
/** The cards without the flow ids reading fills in (new cards have none until written). */
const _cards = (m: FlowModel) =>
  JSON.parse(JSON.stringify(m.chain, (k, v) => (k === 'flowIn' || k === 'flowOut' ? undefined : v)));
const read = (xml: string): FlowModel => {
  const r = readBpmn(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.unsupported));
  return r.model;
};

describe('editing cards', () => {
  it('refuses to remove the start, locked steps and cards a return path leads to; moves keep start and end in place', () => {
    const m = read(registration);
    expect(cannotRemove(m, 'start-entry')?.zh).toContain('不能删除');
    expect(cannotRemove(m, 'publish-entry')?.zh).toContain('高级模式');
    expect(cannotRemove(m, 'unit-approval')?.zh).toContain('退回');
    expect(removeCard(m, 'unit-approval')).toBe(m);
    expect(moveCard(m, 'unit-approval', -1)).toBe(m);
    // removing 主管部门审核 takes its 审核逾期 timer with it
    const without = removeCard(m, 'authority-review');
    expect(without.chain.map((c) => c.id)).not.toContain('review-overdue');
  });

  it('moves a step past another step, never past an 审批结果 or away from its deadline', () => {
    let m = read(registration);
    const a = { ...(newCard(m, 'approver') as TaskCard), name: '甲' };
    m = insertCard(m, { list: MAIN, index: 3 }, a);
    const b = { ...(newCard(m, 'approver') as TaskCard), name: '乙' };
    m = insertCard(m, { list: MAIN, index: 4 }, b);
    // 甲 and 乙 swap; 甲 does not go above 单位审核结果; 乙 does not go below into 主管部门审核 and its deadline
    expect(
      moveCard(m, a.id, 1)
        .chain.slice(3, 5)
        .map((c) => c.name),
    ).toEqual(['乙', '甲']);
    expect(moveCard(m, a.id, -1)).toBe(m);
    expect(moveCard(m, 'authority-review', -1)).toBe(m);
  });

  it('names what is missing before publishing', () => {
    let m = emptyModel('p', '流程');
    const a = { ...(newCard(m, 'approver') as TaskCard), who: { kind: 'users' as const, users: [] } };
    m = insertCard(m, { list: MAIN, index: 1 }, a);
    const c = newCard(m, 'condition');
    m = insertCard(m, { list: MAIN, index: 2 }, c);
    m = addBranch(m, c.id);
    m = replaceCard(m, { ...a, name: '' });
    const zh = checkModel(m).map((p) => p.zh);
    expect(zh).toEqual(
      expect.arrayContaining([
        expect.stringContaining('请填写节点名称'),
        expect.stringContaining('请选择审批人'),
        expect.stringContaining('还没有条件'),
      ]),
    );
  });

  it('不同意时 退回: the first step returns the starter to itself; the step it names stays put; removing the step takes its result', () => {
    // given 发起人 → 甲 → 乙
    let m = emptyModel('p', '流程');
    const a = { ...(newCard(m, 'approver') as TaskCard), name: '甲', formKey: 'unit-approval' };
    m = insertCard(m, { list: MAIN, index: 1 }, a);
    const b = { ...(newCard(m, 'approver') as TaskCard), name: '乙', formKey: 'unit-approval' };
    m = insertCard(m, { list: MAIN, index: 2 }, b);
    // when 甲 (the first step) returns to the starter
    const first = setOnReject(m, a, { kind: 'starter' });
    const result = rejectResultOf(first, a.id);
    // then the resubmission comes back to 甲 itself, 甲 may still be removed, and removing it takes its result
    expect(result?.outcomes[0].goesTo).toEqual({ goto: a.id });
    expect(result?.outcomes[0].name).toBe('退回发起人');
    expect(ownerOfResult(first, result?.id ?? '')?.id).toBe(a.id);
    expect(cannotRemove(first, a.id)).toBeNull();
    expect(removeCard(first, a.id).chain.map((c) => c.kind)).toEqual(['start', 'approver', 'end']);
    // and the 修改 step follows the start form when it changes
    const withForm = setStartForm(first, 'leave-request');
    const revise = rejectResultOf(withForm, a.id)?.outcomes[0].path[0];
    expect(revise?.kind === 'handler' && revise.formKey).toBe('leave-request');
    expect(withForm.chain[0].kind === 'start' && withForm.chain[0].formKey).toBe('leave-request');
    // and 甲's own deadline returning to the starter (back to 甲) does not keep 甲 from being removed either
    const timed = insertCard(first, { list: MAIN, index: 2 }, newCard(first, 'timer'));
    const timer = timed.chain[2] as TimerCard;
    const returning = replaceCard(timed, setTimerAction(timed, timer, 'starter'));
    expect(timerAction(returning.chain[2] as TimerCard)).toBe('starter');
    expect(cannotRemove(returning, a.id)).toBeNull();
    expect(removeCard(returning, a.id).chain.map((c) => c.kind)).toEqual(['start', 'approver', 'end']);
    // and a step added between 甲 and its 审批结果 goes after the result, which keeps judging 甲
    const added = insertCard(first, { list: MAIN, index: 2 }, { ...(newCard(first, 'cc') as Card) });
    expect(added.chain.map((c) => c.kind)).toEqual([
      'start',
      'approver',
      'decision',
      'cc',
      'approver',
      'end',
    ]);
    expect(onRejectOf(added, a.id)).toEqual({ kind: 'starter' });
    // and when 乙 returns to 甲, 甲 cannot move below it or be removed (the reason says 退回)
    const back = setOnReject(m, b, { kind: 'goto', target: a.id });
    expect(canMove(back, a.id, 1)).toBe(false);
    expect(cannotRemove(back, a.id)?.zh).toContain('退回');
    // and a mode change keeps the setting while its 同意 condition follows the countersign rule
    const sign = { ...b, who: { kind: 'users' as const, users: ['x', 'y'] }, mode: 'all' as const };
    const signed = setOnReject(back, sign, onRejectOf(back, b.id));
    expect(onRejectOf(signed, b.id)).toEqual({ kind: 'goto', target: a.id });
    expect(rejectResultOf(signed, b.id)?.next.condition).toContain('count(');
  });

  it('offers no return inside a parallel branch, and only the steps on the way inside a condition branch', () => {
    // given 甲 → 并行分支 [丙] → 条件分支 [丁]
    let m = emptyModel('p', '流程');
    const a = { ...(newCard(m, 'approver') as TaskCard), name: '甲' };
    m = insertCard(m, { list: MAIN, index: 1 }, a);
    const par = newCard(m, 'parallel') as BranchCard;
    m = insertCard(m, { list: MAIN, index: 2 }, par);
    const c = { ...(newCard(m, 'approver') as TaskCard), name: '丙' };
    m = insertCard(m, { list: branchList(par.id, 0), index: 0 }, c);
    const cond = newCard(m, 'condition') as BranchCard;
    m = insertCard(m, { list: MAIN, index: 3 }, cond);
    const d = { ...(newCard(m, 'approver') as TaskCard), name: '丁' };
    m = insertCard(m, { list: branchList(cond.id, 0), index: 0 }, d);
    // then 丙 (parallel) has no return, and 退回发起人 there changes nothing
    expect(inParallel(m, c.id)).toBe(true);
    expect(returnTargets(m, c.id)).toEqual([]);
    expect(onRejectOf(setOnReject(m, c, { kind: 'starter' }), c.id)).toEqual({ kind: 'go' });
    // and 丁 may return to 甲 (passed on every way here) but not to 丙 (inside the parallel block)
    expect(returnTargets(m, d.id).map((t) => t.name)).toEqual(['甲']);
  });
});
