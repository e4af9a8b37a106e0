/** @module Tests of FEEL syntax checking and its cache. */
import { describe, expect, it } from 'vitest';
import { isFeel, parseCacheSize, parseFeel } from './parse-feel';

describe('isFeel', () => {
  it('given strings, when checking for the = marker, then only =... is FEEL', () => {
    expect(isFeel('=a')).toBe(true);
    expect(isFeel('a = 1')).toBe(false);
    expect(isFeel('')).toBe(false);
  });
});

describe('parseFeel', () => {
  it('given valid expressions with or without =, when parsing, then ok', () => {
    expect(parseFeel('=decision = "approve"')).toEqual({ ok: true });
    expect(parseFeel('workday(now(), if urgent then 1 else 5)')).toEqual({ ok: true });
    expect(parseFeel('={a: 1, b: [1, 2][item > 1]}')).toEqual({ ok: true });
  });

  it('given broken expressions, when parsing, then a message with the position', () => {
    const r = parseFeel('=1 +* 2');
    expect(r).toMatchObject({ ok: false, messageEn: expect.stringMatching(/Unrecognized token.* at \d+/) });
    expect(parseFeel('=a +')).toMatchObject({ ok: false, messageEn: expect.stringContaining('Incomplete') });
    expect(parseFeel('if x then 1')).toMatchObject({ ok: false });
    expect(parseFeel('=')).toMatchObject({ ok: false, message: 'FEEL 表达式为空' });
  });

  it('given many distinct expressions, when parsing, then the cache stays bounded', () => {
    for (let i = 0; i < 2500; i++) parseFeel(`=x = ${i}`);
    expect(parseCacheSize()).toBe(2000);
  });
});
