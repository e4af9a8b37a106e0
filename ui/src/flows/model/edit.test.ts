/** @module Card edits: what may be removed or moved, and what must be fixed before publishing (runs: ui/e2e/flow-designer-model.test.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addBranch,
  cannotRemove,
  checkModel,
  emptyModel,
  insertCard,
  MAIN,
  moveCard,
  newCard,
  removeCard,
  replaceCard,
} from './edit';
import { readBpmn } from './read-bpmn';
import type { FlowModel, TaskCard } from './types';

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
});
