/** @module ui/forms/localize-errors.test: ajv errors become Chinese sentences naming the field by its title. */
import type { RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { describe, expect, it } from 'vitest';
import { makeTransformErrors } from './localize-errors';

const schema: RJSFSchema = {
  type: 'object',
  required: ['resourceName', 'dataItems'],
  properties: {
    resourceName: { type: 'string', title: '信息资源名称', minLength: 2 },
    sharePeriod: { type: 'string', title: '共享期限', pattern: '^(long-term|\\d{4}-\\d{2}-\\d{2})$' },
    dataItems: {
      type: 'array',
      title: '数据项',
      minItems: 1,
      items: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: '名称' } } },
    },
  },
};

function messages(data: unknown, lang: 'zh' | 'en' = 'zh'): string[] {
  const validator = customizeValidator();
  const result = validator.validateFormData(data, schema, undefined, makeTransformErrors(schema, undefined, lang));
  return result.errors.map((e: RJSFValidationError) => e.message ?? '');
}

describe('makeTransformErrors', () => {
  it('given a missing required field, when validated, then the message names its title in Chinese', () => {
    expect(messages({ dataItems: [{ name: 'a' }] })).toContain('「信息资源名称」为必填项');
  });

  it('given a bad pattern and too few items, when validated, then each message is Chinese with the title', () => {
    const got = messages({ resourceName: '人口', sharePeriod: 'forever', dataItems: [] });
    expect(got).toContain('「共享期限」格式不正确');
    expect(got).toContain('「数据项」至少需要填写 1 行');
  });

  it('given a missing field in a table row, when validated, then the row is named like the server does', () => {
    expect(messages({ resourceName: '人口', dataItems: [{}] })).toContain('「数据项 第1行 名称」为必填项');
  });

  it('given English, when validated, then the message is English with the title', () => {
    expect(messages({ dataItems: [{ name: 'a' }] }, 'en')[0]).toBe('信息资源名称 is required');
  });
});
