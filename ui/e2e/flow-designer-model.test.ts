/**
 * @module The designer's edits run (#18): the issue's two scenarios and 不同意时结束 as pure card edits, written to BPMN
 * and run through the engine's in-memory harness. Here, not beside edit.ts, because ui code may import only the
 * engine's pure core and the harness is not part of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../../engine';
import { deploy } from '../../engine/testing';
import {
  cannotRemove,
  checkModel,
  emptyModel,
  insertCard,
  MAIN,
  newCard,
  onRejectOf,
  replaceCard,
  rejectDecisionOf,
  returnTargets,
  setOnReject,
  setRejectEnds,
  setTimerAction,
  timerAction,
  branchList,
} from '../src/flows/model/edit';
import { overlaps } from '../src/flows/model/layout';
import { readBpmn } from '../src/flows/model/read-bpmn';
import type { BranchCard, FlowModel, TaskCard, TimerCard } from '../src/flows/model/types';
import { layoutOf, writeBpmn } from '../src/flows/model/write-bpmn';

const registration = readFileSync(
  join(import.meta.dirname, '../../workflows/catalog-registration/process.bpmn'),
  'utf8',
);
/** The cards without the flow ids reading fills in (new cards have none until written). */
const cards = (m: FlowModel) =>
  JSON.parse(JSON.stringify(m.chain, (k, v) => (k === 'flowIn' || k === 'flowOut' ? undefined : v)));
const read = (xml: string): FlowModel => {
  const r = readBpmn(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.unsupported));
  return r.model;
};

describe('card edits, run', () => {
  it('adds 法制审核 after 单位审核 and a 共享属性 branch with an extra approver; a registration meets both', async () => {
    // given 目录编制与注册 in cards
    let m = read(registration);
    const after = m.chain.findIndex((c) => c.id === 'unit-decision') + 1;
    // when 法制审核 (审批人, 角色 目录审核员, 或签) goes after 单位审核's result
    const legal = {
      ...(newCard(m, 'approver') as TaskCard),
      name: '法制审核',
      who: { kind: 'role' as const, role: 'authority.reviewer' },
    };
    m = insertCard(m, { list: MAIN, index: after }, legal);
    // and a condition branch on 共享属性 = 有条件共享 leads to an extra approver
    const cond = newCard(m, 'condition') as BranchCard;
    cond.branches[0].condition = { groups: [[{ field: 'shareType', op: '=', value: 'conditional' }]] };
    cond.branches[0].name = '有条件共享';
    m = insertCard(m, { list: MAIN, index: after + 1 }, cond);
    const extra = {
      ...(newCard(m, 'approver') as TaskCard),
      name: '共享条件审核',
      who: { kind: 'role' as const, role: 'authority.reviewer' },
    };
    m = insertCard(m, { list: branchList(cond.id, 0), index: 0 }, extra);
    expect(checkModel(m)).toEqual([]);
    const xml = writeBpmn(m);
    // then it compiles, reads back to the same cards, lays out without overlaps
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
    expect(cards(read(xml))).toEqual(cards(m));
    expect(overlaps(layoutOf(m))).toEqual([]);
    // and a registration with 有条件共享 meets 法制审核, then the extra approver, then 主管部门审核
    const h = await deploy(xml);
    h.start({ initiator: 'li', shareType: 'conditional' });
    h.completeTask('unit-approval', { decision: 'approve' });
    expect(h.task(legal.id).candidateGroups).toEqual(['authority.reviewer']);
    h.completeTask(legal.id, { decision: 'approve' });
    h.completeTask(extra.id, { decision: 'approve' });
    expect(h.task('authority-review')).toBeTruthy();
    // and one with 无条件共享 skips the extra approver
    const h2 = await deploy(xml);
    h2.start({ initiator: 'li', shareType: 'unconditional' });
    h2.completeTask('unit-approval', { decision: 'approve' });
    h2.completeTask(legal.id, { decision: 'approve' });
    expect(h2.task('authority-review')).toBeTruthy();
  });

  it('builds a process from nothing: 发起人 → 2 审批人 会签 → 抄送 → end, and both signers get a task', async () => {
    // given an empty process
    let m = emptyModel('flow-test', '测试流程');
    // when two named approvers countersign, then a CC goes out
    const sign = {
      ...(newCard(m, 'approver') as TaskCard),
      name: '会签审批',
      who: { kind: 'users' as const, users: ['zhang.san', 'li.si'] },
      mode: 'all' as const,
    };
    m = insertCard(m, { list: MAIN, index: 1 }, sign);
    m = insertCard(m, { list: MAIN, index: 2 }, newCard(m, 'cc'));
    const xml = writeBpmn(m);
    // then it compiles and runs: two tasks, then the notification job, then the end
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
    expect(cards(read(xml))).toEqual(cards(m));
    const h = await deploy(xml);
    h.start({ initiator: 'wang' });
    expect([...h.tasks.values()].map((t) => t.assignee).sort()).toEqual(['li.si', 'zhang.san']);
    h.completeTask(sign.id, { decision: 'approve' }, { loopIndex: 0 });
    h.completeTask(sign.id, { decision: 'approve' }, { loopIndex: 1 });
    expect(h.job('cc-1')).toBeTruthy();
  });

  it('不同意时结束: an approver gets its 审批结果; 不同意 ends the process with a notice, 同意 goes on; turning it off removes it', async () => {
    // given 发起人 → 审批 (form with a decision) → 抄送 → 结束
    let m = emptyModel('reject-test', '驳回测试');
    const a = { ...(newCard(m, 'approver') as TaskCard), name: '部门审批', formKey: 'unit-approval' };
    m = insertCard(m, { list: MAIN, index: 1 }, a);
    m = insertCard(m, { list: MAIN, index: 2 }, newCard(m, 'cc'));
    // when 不同意时结束 is turned on
    const on = setRejectEnds(m, a, true);
    expect(rejectDecisionOf(on, a.id)?.next.condition).toBe('=decision = "approve"');
    expect(cannotRemove(on, rejectDecisionOf(on, a.id)?.id ?? '')).toBeNull();
    const xml = writeBpmn(on);
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
    expect(cards(read(xml))).toEqual(cards(on));
    // then 不同意 ends at 未通过 after notifying the initiator, and 同意 reaches the CC
    const h = await deploy(xml);
    h.start({ initiator: 'wang' });
    h.completeTask(a.id, { decision: 'return' });
    expect(h.job('notify-1')).toBeTruthy();
    const h2 = await deploy(xml);
    h2.start({ initiator: 'wang' });
    h2.completeTask(a.id, { decision: 'approve' });
    expect(h2.job('cc-1')).toBeTruthy();
    // and a countersign mode moves the condition to the countersign's own rule
    const sign = { ...a, who: { kind: 'users' as const, users: ['a', 'b'] }, mode: 'all' as const };
    expect(rejectDecisionOf(setRejectEnds(on, sign, true), a.id)?.next.condition).toContain('count(');
    // and turning it off leaves the chain as it was
    expect(cards(setRejectEnds(on, a, false))).toEqual(cards(m));
    // and without a form the check says a decision form is needed
    expect(
      checkModel(setRejectEnds(m, { ...a, formKey: undefined }, true))
        .map((p) => p.zh)
        .join(),
    ).toContain('审核结论');
  });

  /** 发起人 (start form) → 部门审批 → 分管领导审批 → 抄送 → 结束, both approvers with a decision form. */
  function twoApprovers() {
    let m = emptyModel('return-test', '退回测试');
    m = {
      ...m,
      chain: [
        { ...m.chain[0], kind: 'start', formKey: 'catalog-entry' } as FlowModel['chain'][0],
        ...m.chain.slice(1),
      ],
    };
    const a = { ...(newCard(m, 'approver') as TaskCard), name: '部门审批', formKey: 'unit-approval' };
    m = insertCard(m, { list: MAIN, index: 1 }, a);
    const b = {
      ...(newCard(m, 'approver') as TaskCard),
      name: '分管领导审批',
      formKey: 'unit-approval',
      who: { kind: 'role' as const, role: 'authority.reviewer' },
    };
    m = insertCard(m, { list: MAIN, index: 2 }, b);
    m = insertCard(m, { list: MAIN, index: 3 }, newCard(m, 'cc'));
    return { m, a, b };
  }

  it('退回发起人: 不同意 gives the initiator a 修改 task with the start form; the resubmission goes through the approvals again and on', async () => {
    // given two approvers
    const { m, a, b } = twoApprovers();
    // when the second one's 不同意时 is 退回发起人
    const on = setOnReject(m, b, { kind: 'starter' });
    expect(onRejectOf(on, b.id)).toEqual({ kind: 'starter' });
    expect(checkModel(on)).toEqual([]);
    const xml = writeBpmn(on);
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
    // then it reads back as the same setting, and writing again is stable
    const back = read(xml);
    expect(cards(back)).toEqual(cards(on));
    expect(onRejectOf(back, b.id)).toEqual({ kind: 'starter' });
    expect(writeBpmn(back)).toBe(xml);
    expect(overlaps(layoutOf(on))).toEqual([]);
    // and a rejection returns to the initiator, who resubmits; the request meets 部门审批 again and goes on
    const h = await deploy(xml);
    h.start({ initiator: 'wang', resourceName: '初稿' });
    h.completeTask(a.id, { decision: 'approve' });
    h.completeTask(b.id, { decision: 'return', comment: '请补充' });
    const revise = h.task(`revise-${b.id}-1`);
    expect(revise.assignee).toBe('wang');
    expect(revise.formKey).toBe('catalog-entry');
    h.completeTask(revise.elementId, { resourceName: '修改稿' });
    h.completeTask(a.id, { decision: 'approve' });
    h.completeTask(b.id, { decision: 'approve' });
    expect(h.job('cc-1')).toBeTruthy();
    expect(h.vars.resourceName).toBe('修改稿');
  });

  it('退回到上一审批节点 / 指定节点: 不同意 reopens that step; switching the setting keeps one 审批结果 and round-trips', async () => {
    // given two approvers
    const { m, a, b } = twoApprovers();
    // when the second returns to the previous approver
    expect(returnTargets(m, b.id).map((t) => t.id)).toEqual([a.id]);
    expect(returnTargets(m, a.id)).toEqual([]);
    const on = setOnReject(m, b, { kind: 'goto', target: a.id });
    const xml = writeBpmn(on);
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
    const back = read(xml);
    expect(cards(back)).toEqual(cards(on));
    expect(onRejectOf(back, b.id)).toEqual({ kind: 'goto', target: a.id });
    expect(overlaps(layoutOf(on))).toEqual([]);
    // then 不同意 reopens 部门审批, and its approval leads back to 分管领导审批 and on
    const h = await deploy(xml);
    h.start({ initiator: 'wang' });
    h.completeTask(a.id, { decision: 'approve' });
    h.completeTask(b.id, { decision: 'return' });
    expect(h.task(a.id)).toBeTruthy();
    h.completeTask(a.id, { decision: 'approve' });
    h.completeTask(b.id, { decision: 'approve' });
    expect(h.job('cc-1')).toBeTruthy();
    // and the step a return goes to can be neither removed nor moved below it
    expect(cannotRemove(on, a.id)?.zh).toContain('退回');
    // and switching to 结束, then back to 继续, leaves one result card, then none
    const ends = setOnReject(on, b, { kind: 'end' });
    expect(onRejectOf(ends, b.id)).toEqual({ kind: 'end' });
    expect(ends.chain.filter((c) => c.kind === 'decision')).toHaveLength(1);
    expect(cards(setOnReject(ends, b, { kind: 'go' }))).toEqual(cards(m));
    // and a target that is not on the way here is refused (the model stays as it was)
    expect(onRejectOf(setOnReject(m, a, { kind: 'goto', target: b.id }), a.id)).toEqual({ kind: 'go' });
  });

  it('a return from inside a 条件分支 to a step before the split reads back as the same cards and runs', async () => {
    // given 部门审批, then a condition branch whose first branch holds 分管领导审批
    const { m: base, a, b } = twoApprovers();
    let m = base;
    const moved = m.chain.find((c) => c.id === b.id) as TaskCard;
    m = { ...m, chain: m.chain.filter((c) => c.id !== b.id) };
    const cond = newCard(m, 'condition') as BranchCard;
    cond.branches[0].condition = { groups: [[{ field: 'shareType', op: '=', value: 'conditional' }]] };
    m = insertCard(m, { list: MAIN, index: 2 }, cond);
    m = insertCard(m, { list: branchList(cond.id, 0), index: 0 }, moved);
    // when 分管领导审批 returns to the initiator (whose resubmission starts at 部门审批)
    const on = setOnReject(m, moved, { kind: 'starter' });
    const xml = writeBpmn(on);
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
    // then the reader sees the branch, not a split at the 审批结果
    const back = read(xml);
    expect(cards(back)).toEqual(cards(on));
    expect(onRejectOf(back, b.id)).toEqual({ kind: 'starter' });
    // and it runs: rejection → 修改 → 部门审批 → the branch again → approval → CC
    const h = await deploy(xml);
    h.start({ initiator: 'wang', shareType: 'conditional' });
    h.completeTask(a.id, { decision: 'approve' });
    h.completeTask(b.id, { decision: 'return' });
    h.completeTask(`revise-${b.id}-1`, {});
    h.completeTask(a.id, { decision: 'approve' });
    h.completeTask(b.id, { decision: 'approve' });
    expect(h.job('cc-1')).toBeTruthy();
  });

  it('a condition on a nested start-form field (dotted path) and one on an earlier step’s field read back and route', async () => {
    // given 发起人 → 审核 (writes opinionLevel) → 条件分支: contact.level = "high" and opinionLevel = "major" → 复核
    let m = emptyModel('nested-test', '嵌套字段');
    const review = { ...(newCard(m, 'approver') as TaskCard), name: '审核', formKey: 'unit-approval' };
    m = insertCard(m, { list: MAIN, index: 1 }, review);
    const cond = newCard(m, 'condition') as BranchCard;
    cond.branches[0].condition = {
      groups: [
        [
          { field: 'contact.level', op: '=', value: 'high' },
          { field: 'opinionLevel', op: '=', value: 'major' },
        ],
      ],
    };
    m = insertCard(m, { list: MAIN, index: 2 }, cond);
    const extra = { ...(newCard(m, 'approver') as TaskCard), name: '复核' };
    m = insertCard(m, { list: branchList(cond.id, 0), index: 0 }, extra);
    // when written and read back
    const xml = writeBpmn(m);
    expect(xml).toContain('=contact.level = "high" and opinionLevel = "major"');
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
    const back = read(xml);
    expect(cards(back)).toEqual(cards(m));
    // then a request whose contact is high and whose reviewer judged it major meets 复核; another does not
    const h = await deploy(xml);
    h.start({ initiator: 'wang', contact: { name: '张三', level: 'high' } });
    h.completeTask(review.id, { decision: 'approve', opinionLevel: 'major' });
    expect(h.task(extra.id)).toBeTruthy();
    const h2 = await deploy(xml);
    h2.start({ initiator: 'wang', contact: { name: '李四', level: 'low' } });
    h2.completeTask(review.id, { decision: 'approve', opinionLevel: 'major' });
    expect(() => h2.task(extra.id)).toThrow();
    expect(h2.status).toBe('completed');
  });

  it('定时/超时 自动退回发起人: past the deadline the step closes, the initiator revises and resubmits, the approvals start again', async () => {
    // given two approvers, the second with a 2-working-day deadline
    const { m: base, a, b } = twoApprovers();
    let m = base;
    const timer = newCard(m, 'timer') as TimerCard;
    m = insertCard(m, { list: MAIN, index: 3 }, timer);
    // when its action is 自动退回发起人
    m = replaceCard(m, setTimerAction(m, timer, 'starter'));
    const t = m.chain.find((c) => c.id === timer.id) as TimerCard;
    expect(timerAction(t)).toBe('starter');
    expect(t.goesTo).toEqual({ goto: a.id });
    expect(checkModel(m)).toEqual([]);
    const xml = writeBpmn(m);
    const compiled = await compileBpmn(xml);
    expect(compiled.ok ? [] : compiled.issues).toEqual([]);
    // then it reads back as the same cards and action
    const back = read(xml);
    expect(cards(back)).toEqual(cards(m));
    expect(timerAction(back.chain.find((c) => c.id === timer.id) as TimerCard)).toBe('starter');
    expect(overlaps(layoutOf(m))).toEqual([]);
    // and at run time the deadline closes 分管领导审批 and gives the initiator the 修改 task; the resubmission goes on
    const h = await deploy(xml);
    h.start({ initiator: 'wang' });
    h.completeTask(a.id, { decision: 'approve' });
    h.fireTimer(timer.id);
    expect(() => h.task(b.id)).toThrow();
    expect(h.task(`revise-${timer.id}-1`).assignee).toBe('wang');
    h.completeTask(`revise-${timer.id}-1`, {});
    h.completeTask(a.id, { decision: 'approve' });
    h.completeTask(b.id, { decision: 'approve' });
    expect(h.job('cc-1')).toBeTruthy();
  });
});
