/** @module Tests of FEEL evaluation: conditions, JSON results, the clock and working-day functions, errors as values. */
import { describe, expect, it } from 'vitest';
import { createOfficialCalendar, defaultCalendar } from '../calendar';
import { evaluateCondition, evaluateFeel, type FeelEnv } from './index';

const env: FeelEnv = { now: '2026-09-28T02:00:00Z', calendar: defaultCalendar }; // 10:00 in Beijing, Mon 09-28

describe('conditions', () => {
  it('given approved = true, when evaluating =approved = true, then true; and false for false', () => {
    expect(evaluateCondition('=approved = true', { approved: true }, env)).toEqual({ ok: true, value: true });
    expect(evaluateCondition('=approved = true', { approved: false }, env)).toEqual({
      ok: true,
      value: false,
    });
  });

  it('given a decision, when comparing strings, then the matching branch is true', () => {
    expect(evaluateCondition('=decision = "approve"', { decision: 'approve' }, env)).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluateCondition('=decision = "approve"', { decision: 'return' }, env)).toEqual({
      ok: true,
      value: false,
    });
  });

  it('given a non-boolean or null result, when used as a condition, then it is an error, not false', () => {
    const r = evaluateCondition('=decision', { decision: 'approve' }, env);
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringContaining('布尔'),
      messageEn: expect.stringContaining('"approve"'),
    });
    expect(evaluateCondition('=count > 1', { count: null }, env).ok).toBe(false);
  });
});

describe('unknown variables and functions', () => {
  it('given no decision variable, when evaluating the condition, then it is an error naming the variable', () => {
    // feelin alone would answer false here (with a warning) and the token would silently take the other flow.
    const r = evaluateCondition('=decision = "approve"', {}, env);
    expect(r).toMatchObject({ ok: false, messageEn: expect.stringContaining("'decision'") });
    expect(r.ok || r.message).toContain('decision = "approve"');
  });

  it('given allowUnknownVariables, when the variable is missing, then it is null as in plain FEEL', () => {
    expect(evaluateFeel('=examples', {}, env, { allowUnknownVariables: true })).toEqual({
      ok: true,
      value: null,
    });
    expect(evaluateCondition('=examples = null', {}, env, { allowUnknownVariables: true })).toEqual({
      ok: true,
      value: true,
    });
  });

  it('given a missing key inside a context, when reading it, then it is null (optional form fields)', () => {
    expect(evaluateFeel('=entry.shareCondition', { entry: { shareType: 'none' } }, env)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('given an unknown function or a type error, when evaluating, then it is an error value', () => {
    expect(evaluateFeel('=frobnicate(1)', {}, env).ok).toBe(false);
    expect(evaluateFeel('="a" + 1', {}, env)).toMatchObject({
      ok: false,
      messageEn: expect.stringContaining('add'),
    });
    expect(evaluateFeel('=date and time("garbage")', {}, env).ok).toBe(false);
  });
});

describe('values as plain JSON', () => {
  it('given strings, numbers, contexts and lists, when evaluating, then plain JSON comes back', () => {
    expect(evaluateFeel('="编号-" + code', { code: 'A1' }, env)).toEqual({ ok: true, value: '编号-A1' });
    expect(evaluateFeel('=fixedCount * 2 + 0.5', { fixedCount: 3 }, env)).toEqual({ ok: true, value: 6.5 });
    expect(
      evaluateFeel(
        '={unit: u, roles: ["unit.leader", "supervisor"], n: count(items)}',
        { u: 'gaj', items: [1, 2] },
        env,
      ),
    ).toEqual({
      ok: true,
      value: { unit: 'gaj', roles: ['unit.leader', 'supervisor'], n: 2 },
    });
    expect(
      evaluateFeel(
        '=items[price > 10].name',
        {
          items: [
            { name: 'a', price: 5 },
            { name: 'b', price: 20 },
          ],
        },
        env,
      ),
    ).toEqual({ ok: true, value: ['b'] });
  });

  it('given date arithmetic, when evaluating, then dates, date-times and durations are ISO strings', () => {
    expect(evaluateFeel('=date("2026-09-28") + duration("P3D")', {}, env)).toEqual({
      ok: true,
      value: '2026-10-01',
    });
    expect(evaluateFeel('=date and time("2026-09-28T10:00:00+08:00") + duration("PT36H")', {}, env)).toEqual({
      ok: true,
      value: '2026-09-29T22:00:00+08:00',
    });
    expect(
      evaluateFeel(
        '=date and time("2026-10-01T00:00:00+08:00") - date and time("2026-09-28T12:00:00+08:00")',
        {},
        env,
      ),
    ).toEqual({ ok: true, value: 'P2DT12H' });
    expect(evaluateFeel('=duration("P14M")', {}, env)).toEqual({ ok: true, value: 'P1Y2M' });
    // A zone-less date-time is China time; a named zone becomes its offset.
    expect(evaluateFeel('=date and time("2026-09-28T09:00:00")', {}, env)).toEqual({
      ok: true,
      value: '2026-09-28T09:00:00+08:00',
    });
    expect(evaluateFeel('=date and time("2026-01-28T10:00:00@America/New_York")', {}, env)).toEqual({
      ok: true,
      value: '2026-01-28T10:00:00-05:00',
    });
  });

  it('given a range or a function as the result, when evaluating, then it is an error (no JSON form)', () => {
    expect(evaluateFeel('=[1..3]', {}, env)).toMatchObject({
      ok: false,
      messageEn: expect.stringContaining('not a JSON value'),
    });
    expect(evaluateFeel('=function(x) x + 1', {}, env).ok).toBe(false);
  });
});

describe('now(), today() and workday()', () => {
  it('given the env clock, when calling now() and today(), then they answer from it in China time', () => {
    expect(evaluateFeel('=now()', {}, env)).toEqual({ ok: true, value: '2026-09-28T10:00:00+08:00' });
    // 2026-09-27T20:00Z is already Monday 09-28 in Beijing.
    expect(evaluateFeel('=today()', {}, { ...env, now: '2026-09-27T20:00:00Z' })).toEqual({
      ok: true,
      value: '2026-09-28',
    });
    expect(evaluateFeel('=now() + duration("PT1H")', { now: 'shadowed' }, env)).toEqual({
      ok: true,
      value: '2026-09-28T11:00:00+08:00',
    });
  });

  it('given Monday 2026-09-28, when computing workday(now(), 5), then the National Day week is skipped and it is final', () => {
    // 09-29 (1), 09-30 (2), 10-01..07 off, 10-08 (3), 10-09 (4), Sat 10-10 make-up day (5).
    expect(evaluateFeel('=workday(now(), 5)', {}, env)).toEqual({
      ok: true,
      value: '2026-10-10T23:59:59+08:00',
    });
  });

  it('given an urgent flag, when choosing 1 or 5 working days, then the FEEL if picks the count', () => {
    expect(evaluateFeel('=workday(now(), if urgent then 1 else 5)', { urgent: true }, env)).toEqual({
      ok: true,
      value: '2026-09-29T23:59:59+08:00',
    });
  });

  it('given late December 2026, when workday() reaches 2027, then the value is marked provisional', () => {
    const december = { ...env, now: '2026-12-28T10:00:00+08:00' };
    expect(evaluateFeel('=workday(now(), 5)', {}, december)).toEqual({
      ok: true,
      value: '2027-01-04T23:59:59+08:00',
      provisional: true,
    });
    const loaded = {
      ...december,
      calendar: createOfficialCalendar({
        adminYears: [{ year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [] }],
      }),
    };
    expect(evaluateFeel('=workday(now(), 5)', {}, loaded)).toEqual({
      ok: true,
      value: '2027-01-05T23:59:59+08:00',
    });
  });

  it('given dates, ISO strings and named arguments, when calling workday(), then all are accepted', () => {
    expect(evaluateFeel('=workday(date("2026-02-12"), 5)', {}, env)).toEqual({
      ok: true,
      value: '2026-02-26T23:59:59+08:00',
    });
    expect(evaluateFeel('=workday(reportedAt, 2)', { reportedAt: '2026-09-28T10:00:00+08:00' }, env)).toEqual(
      { ok: true, value: '2026-09-30T23:59:59+08:00' },
    );
    expect(evaluateFeel('=workday(n: 2, from: now())', {}, env)).toEqual({
      ok: true,
      value: '2026-09-30T23:59:59+08:00',
    });
  });

  it('given bad workday() arguments, when evaluating, then an error value comes back instead of a throw', () => {
    expect(evaluateFeel('=workday(now(), -1)', {}, env)).toMatchObject({
      ok: false,
      messageEn: expect.stringContaining('whole number'),
    });
    expect(evaluateFeel('=workday("next week", 1)', {}, env)).toMatchObject({
      ok: false,
      messageEn: expect.stringContaining('next week'),
    });
    expect(evaluateFeel('=workday(null, 1)', {}, env).ok).toBe(false);
    expect(evaluateFeel('=now()', {}, { ...env, now: 'not a time' }).ok).toBe(false);
  });
});

describe('syntax errors', () => {
  it('given a broken expression, when evaluating, then the message names the expression and the reason', () => {
    const r = evaluateFeel('=approved = ', {}, env);
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringContaining('语法错误'),
      messageEn: expect.stringContaining('approved ='),
    });
  });
});
