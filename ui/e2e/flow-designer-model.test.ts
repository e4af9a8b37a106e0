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
  rejectDecisionOf,
  setRejectEnds,
  branchList,
} from '../src/flows/model/edit';
import { overlaps } from '../src/flows/model/layout';
import { readBpmn } from '../src/flows/model/read-bpmn';
import type { BranchCard, FlowModel, TaskCard } from '../src/flows/model/types';
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
});
