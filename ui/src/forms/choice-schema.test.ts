/** @module ui/forms/choice-schema.test: choice-or-value strings are lifted out of anyOf and still validated. */
import { describe, expect, it } from 'vitest';
import { liftChoices, matchesChoice } from './choice-schema';

const sharePeriod = {
  type: 'string',
  title: '共享期限',
  anyOf: [{ const: 'long-term', title: '长期' }, { format: 'date', title: '截止日期' }],
};

describe('liftChoices', () => {
  it('given a nested choice-or-value field, when lifted, then anyOf moves to x-choices and the path is kept', () => {
    const { schema, paths } = liftChoices({ properties: { changes: { type: 'object', properties: { sharePeriod } } } });
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
