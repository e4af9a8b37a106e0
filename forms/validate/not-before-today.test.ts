/** @module The designer's 日期不早于今天 rule (x-not-before-today): a past day is refused in Chinese, today and later pass. */
import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from '../definition';
import { chinaToday } from './ajv';
import { validateFormData } from './validate-form-data';

const form = {
  key: 'share-request',
  version: 1,
  title: '共享申请',
  schema: {
    type: 'object',
    properties: {
      sharePeriod: { type: 'string', title: '共享期限', format: 'date', 'x-not-before-today': true },
    },
  },
  uiSchema: {},
};

describe('x-not-before-today', () => {
  it('given a day before today, when validated, then it is refused naming the field in Chinese and English', async () => {
    const zh = await validateFormData(form, { sharePeriod: '2019-01-01' });
    expect(zh.ok).toBe(false);
    expect(JSON.stringify(zh)).toContain('「共享期限」不能早于今天');
    const en = await validateFormData(form, { sharePeriod: '2019-01-01' }, { lang: 'en' });
    expect(JSON.stringify(en)).toContain('must not be before today');
  });

  it('given today (China time) or a later day, when validated, then it passes', async () => {
    expect(await validateFormData(form, { sharePeriod: chinaToday() })).toEqual({ ok: true });
    expect(await validateFormData(form, { sharePeriod: '2999-12-31' })).toEqual({ ok: true });
  });

  it('given UTC late evening, when today is asked, then it is already the next day in China', () => {
    expect(chinaToday(Date.parse('2026-12-03T17:00:00Z'))).toBe('2026-12-04');
    expect(chinaToday(Date.parse('2026-12-03T15:59:59Z'))).toBe('2026-12-03');
  });

  it('given a form using the keyword, when its definition is checked, then it is a known keyword', () => {
    expect(checkFormDefinition(form)).toEqual({ ok: true });
  });
});
