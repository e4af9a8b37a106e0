/** @module ui/forms/choice-schema.test: choice-or-value strings are lifted out of anyOf and still validated. */
import { describe, expect, it } from 'vitest';
import { liftChoices, makeChoiceValidate, matchesChoice } from './choice-schema';

const sharePeriod = {
  type: 'string',
  title: '共享期限',
  anyOf: [
    { const: 'long-term', title: '长期' },
    { format: 'date', title: '截止日期' },
  ],
};

describe('liftChoices', () => {
  it('given a nested choice-or-value field, when lifted, then anyOf moves to x-choices and the path is kept', () => {
    const { schema, paths } = liftChoices({
      properties: { changes: { type: 'object', properties: { sharePeriod } } },
    });
    expect(paths).toEqual([['changes', 'sharePeriod']]);
    const lifted = schema.properties.changes.properties.sharePeriod;
    expect(lifted.anyOf).toBeUndefined();
    expect(lifted['x-choices']).toHaveLength(2);
  });
});

describe('matchesChoice', () => {
  it('given the const, a real date, a bad date and an empty value, then only the first two match', () => {
    expect(matchesChoice('long-term', sharePeriod.anyOf)).toBe(true);
    expect(matchesChoice('2027-12-31', sharePeriod.anyOf)).toBe(true);
    expect(matchesChoice('2027-13-45', sharePeriod.anyOf)).toBe(false);
    expect(matchesChoice('', sharePeriod.anyOf)).toBe(false);
  });
});

describe('makeChoiceValidate', () => {
  const run = (value: string, lang: 'zh' | 'en') => {
    const { schema, paths } = liftChoices({ type: 'object', properties: { sharePeriod } });
    const added: string[] = [];
    const errors = { sharePeriod: { addError: (m: string) => added.push(m) } };
    makeChoiceValidate(
      schema,
      { sharePeriod: { 'ui:titleEn': 'Sharing period' } },
      paths,
      lang,
    )({ sharePeriod: value }, errors as never);
    return added;
  };

  it('given a value matching no branch, when validated, then the message is the server’s choice message', () => {
    expect(run('soon', 'zh')).toEqual(['「共享期限」应为以下之一：长期、截止日期']);
    expect(run('soon', 'en')).toEqual(['Sharing period has a value that is not allowed']);
  });

  it('given the const, when validated, then nothing is added', () => {
    expect(run('long-term', 'zh')).toEqual([]);
  });
});
