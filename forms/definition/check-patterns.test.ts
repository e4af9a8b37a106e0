/** @module Tests of the save-time pattern check: the vetted subset refuses what can backtrack without end. */
import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from './check-form-definition';
import { patternProblem } from './check-patterns';

const form = (pattern: string) => ({
  key: 'code-form',
  title: '代码登记',
  schema: { type: 'object', properties: { code: { type: 'string', title: '资源代码', pattern } } },
});

describe('patternProblem', () => {
  it('given nested or overlapping repetitions, when checked, then refused as nested quantifiers', () => {
    for (const p of ['^(a+)+$', '(a*)*', '^(a|a)*$', '(\\w+\\s?)*$', '^([a-z]+)*@', '(.*a){2,}', '(?:x+y?)+'])
      expect(patternProblem(p), p).toBe('nested-quantifier');
  });

  it('given backreferences and lookarounds, when checked, then refused by name', () => {
    expect(patternProblem('(a)\\1')).toBe('backreference');
    expect(patternProblem('(?<q>a)\\k<q>')).toBe('backreference');
    expect(patternProblem('^(?=.*\\d).+$')).toBe('lookaround');
    expect(patternProblem('(?<!x)y')).toBe('lookaround');
    expect(patternProblem('a'.repeat(1001))).toBe('too-long');
    expect(patternProblem('(ab')).toBe('syntax');
  });

  it('given the patterns forms really use, when checked, then they pass', () => {
    for (const p of [
      '^[A-Z0-9]+(-[A-Z0-9]+)*$',
      '^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$',
      '^([a-z0-9]+\\.)+[a-z]{2,}$',
      '^\\d{17}[\\dXx]$',
      '^1[3-9]\\d{9}$',
      '^[\\u4e00-\\u9fa5]{2,20}$',
      '^(\\d{3}-)?\\d{8}$',
      '^(ab)+$',
      '^(a|b)+$',
      '^[^{}]*$',
    ])
      expect(patternProblem(p), p).toBeUndefined();
  });
});

describe('checkFormDefinition with patterns', () => {
  it('given ^(a+)+$ on a field, when the form is checked for saving, then refused in Chinese naming the field', () => {
    const r = checkFormDefinition(form('^(a+)+$'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      {
        path: '/schema/properties/code/pattern',
        message: expect.stringMatching(/^「资源代码」的正则表达式 \^\(a\+\)\+\$ 含有嵌套量词/),
        messageEn: expect.stringContaining('The pattern ^(a+)+$ of "资源代码" has nested quantifiers'),
      },
    ]);
  });

  it('given patternProperties keys and patterns in array items, when checked, then each is named', () => {
    const r = checkFormDefinition({
      key: 'rows',
      title: '明细',
      schema: {
        type: 'object',
        properties: {
          rows: { type: 'array', title: '明细行', items: { type: 'string', pattern: '(?=x)' } },
          extra: { type: 'object', patternProperties: { '^(a|a)+$': { type: 'string' } } },
        },
      },
    });
    expect(!r.ok && r.issues.map((i) => [i.path, i.message.split('的正则表达式')[0]])).toEqual([
      ['/schema/properties/rows/items/pattern', '「明细行」'],
      ['/schema/properties/extra/patternProperties', '「extra」'],
    ]);
  });

  it('given an unambiguous pattern, when checked, then the form may be saved', () => {
    expect(checkFormDefinition(form('^[A-Z0-9]+(-[A-Z0-9]+)*$'))).toEqual({ ok: true });
  });
});
