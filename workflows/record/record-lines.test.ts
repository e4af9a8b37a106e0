/** @module The wording rule alone: approval operations and engine events, given history rows, in words. */
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../engine/contract';
import { recordLines, type RecordStep } from './record-lines';

const people = new Map([
  [
    'gaj.leader',
    {
      username: 'gaj.leader',
      name: '吴局长',
      unitId: 'gaj',
      unitName: '县公安局',
      label: '吴局长（县公安局）',
    },
  ],
  [
    'gaj.deputy',
    {
      username: 'gaj.deputy',
      name: '陈副局长',
      unitId: 'gaj',
      unitName: '县公安局',
      label: '陈副局长（县公安局）',
    },
  ],
]);
const form = {
  title: '单位审核',
  schema: {
    properties: {
      decision: {
        type: 'string',
        title: '审核结论',
        oneOf: [
          { const: 'approve', title: '同意报送' },
          { const: 'return', title: '退回' },
        ],
      },
      comment: { type: 'string', title: '审核意见' },
    },
  },
};
const steps = new Map<string, RecordStep>([
  ['unit-approval#1', { taskId: 't1', elementId: 'unit-approval', name: '单位审核', activation: 1, form }],
]);
const at = '2026-09-01T02:00:00.000Z';
const ev = (type: string, data?: Record<string, unknown>, actor = 'gaj.leader'): HistoryEvent => ({
  at,
  type,
  elementId: 'unit-approval',
  actor,
  ...(data ? { data: data as never } : {}),
});
const lines = (events: HistoryEvent[]) =>
  recordLines({ events, steps, elementNames: new Map([['unit-approval', '单位审核']]), people });

describe('the approval record rule', () => {
  it('keeps gateways, jobs, timers and element entries out', () => {
    // given the engine's own events of a step
    const events: HistoryEvent[] = [
      { at, type: 'element.activated', elementId: 'route' },
      { at, type: 'job.completed', elementId: 'publish' },
      { at, type: 'timer.fired', elementId: 'remind' },
      { at, type: 'task.created', elementId: 'unit-approval' },
      { at, type: 'task.claimed', elementId: 'unit-approval', actor: 'gaj.leader' },
    ];
    // then none is a line
    expect(lines(events)).toEqual([]);
  });

  it('words each approval operation with its opinion and targets', () => {
    const out = lines([
      ev('task.transferred', {
        taskKey: 'unit-approval#1',
        comment: '请陈副局长办理',
        from: 'gaj.leader',
        to: 'gaj.deputy',
      }),
      ev('task.delegated', { taskKey: 'unit-approval#1', to: 'gaj.deputy' }),
      ev('task.resolved', { taskKey: 'unit-approval#1', comment: '已核实', to: 'gaj.leader' }, 'gaj.deputy'),
      ev('task.signers-added', { taskKey: 'unit-approval#1', usernames: ['gaj.deputy'], mode: 'before' }),
      ev('task.returned', { toElementId: 'unit-approval', comment: '重新审核' }),
      ev('instance.withdrawn', { comment: '填错了' }),
      ev('task.urged', { taskKey: 'unit-approval#1' }),
      ev('task.cc', { taskKey: 'unit-approval#1', usernames: ['gaj.deputy'] }),
      ev('instance.cancel.requested', { reason: '重复申请' }),
      ev('instance.cancelled'),
    ]);
    expect(out.map((l) => [l.action, l.actorLabel, l.opinion ?? '', (l.targets ?? []).join()])).toEqual([
      ['转办', '吴局长（县公安局）', '请陈副局长办理', '陈副局长（县公安局）'],
      ['委派', '吴局长（县公安局）', '', '陈副局长（县公安局）'],
      ['办毕交还', '陈副局长（县公安局）', '已核实', '吴局长（县公安局）'],
      ['前加签', '吴局长（县公安局）', '', '陈副局长（县公安局）'],
      ['退回', '吴局长（县公安局）', '重新审核', '单位审核'],
      ['撤回', '吴局长（县公安局）', '填错了', ''],
      ['催办', '吴局长（县公安局）', '', ''],
      ['抄送', '吴局长（县公安局）', '', '陈副局长（县公安局）'],
      ['撤销', '吴局长（县公安局）', '重复申请', ''],
    ]);
  });

  it('words a completion by the decision option label; the completion comment wins over the form field', () => {
    const [line] = lines([
      ev('task.completed', {
        taskKey: 'unit-approval#1',
        comment: '同意，数据项齐全',
        variables: { decision: 'approve', comment: '旧' },
      }),
    ]);
    expect(line).toMatchObject({
      kind: 'decision',
      action: '同意报送',
      tone: 'approve',
      opinion: '同意，数据项齐全',
      step: '单位审核',
      round: 1,
      fields: [],
    });
  });

  it('shows an unknown person by username rather than dropping the act', () => {
    const [line] = lines([ev('task.urged', { taskKey: 'unit-approval#1' }, 'someone.gone')]);
    expect(line.actorLabel).toBe('someone.gone');
  });
});
