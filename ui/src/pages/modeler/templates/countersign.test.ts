/** @module Countersign rules ↔ multi-instance settings: each mode compiles and reads back; foreign settings stay foreign. */
import { describe, expect, it } from 'vitest';
import {
  approvedCondition,
  COUNTERSIGN_MODES,
  checkPercent,
  compileCountersign,
  decisionsVariable,
  loopXml,
  readCountersign,
} from './countersign';

describe('countersign rules', () => {
  it('given each mode, when compiled and read back, then the same rule comes out', () => {
    for (const mode of COUNTERSIGN_MODES) {
      const rule = { mode, approvers: '=["li", "wang"]', ...(mode === 'ratio' ? { percent: 60 } : {}) };
      expect(readCountersign(compileCountersign('unit-approval', rule))).toEqual(rule);
    }
  });

  it('given a task id with a hyphen, when compiled, then the output collection is a FEEL name of that step', () => {
    expect(decisionsVariable('unit-approval')).toBe('unit_approval_decisions');
    expect(decisionsVariable('1st')).toBe('_1st_decisions');
    const s = compileCountersign('unit-approval', { mode: 'any', approvers: 'reviewers' });
    expect(s).toMatchObject({
      isSequential: false,
      inputCollection: '=reviewers',
      inputElement: 'approver',
      outputCollection: 'unit_approval_decisions',
      outputElement: '=decision',
      assignee: '=approver',
    });
  });

  it('given 会签, when compiled, then it has no completion condition (every signer acts) and only 依次审批 is sequential', () => {
    expect(compileCountersign('t', { mode: 'all', approvers: '=a' }).completionCondition).toBeUndefined();
    expect(
      COUNTERSIGN_MODES.filter(
        (m) => compileCountersign('t', { mode: m, approvers: '=a', percent: 50 }).isSequential,
      ),
    ).toEqual(['sequential']);
  });

  it('given a hand-written loop, when read, then it is not taken for a rule', () => {
    const ours = compileCountersign('t', { mode: 'veto', approvers: '=a' });
    expect(readCountersign({ ...ours, completionCondition: '=count(t_decisions) > 1' })).toBeNull();
    expect(readCountersign({ ...ours, outputElement: '={ok: approved}' })).toBeNull();
    expect(readCountersign({ ...ours, inputElement: 'signer' })).toBeNull();
    expect(readCountersign({})).toBeNull();
    expect(readCountersign({ ...ours, isSequential: true, completionCondition: undefined })).toBeNull();
  });

  it('given a bad percentage, when compiled, then it is refused with a Chinese message', () => {
    for (const p of [0, 101, 33.5, Number.NaN, undefined, 'x']) {
      const r = checkPercent(p);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.zh).toContain('1 到 100');
    }
    expect(checkPercent('75')).toEqual({ ok: true, value: 75 });
    expect(() => compileCountersign('t', { mode: 'ratio', approvers: '=a', percent: 0 })).toThrow();
  });

  it('given the settings, when written as XML, then FEEL is escaped and the sequential flag set', () => {
    const xml = loopXml(compileCountersign('t', { mode: 'sequential', approvers: '=["a"]' }));
    expect(xml).toContain('isSequential="true"');
    expect(xml).toContain('inputCollection="=[&quot;a&quot;]"');
    expect(xml).toContain('item != null and item != &quot;approve&quot;');
    expect(approvedCondition('t', { mode: 'ratio', percent: 50 })).toBe(
      '=count(t_decisions[item = "approve"]) * 100 >= 50 * count(t_decisions)',
    );
  });
});
