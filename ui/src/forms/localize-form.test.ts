/** @module Tests of localize-form: English titles, descriptions, placeholders and choice labels where the author gave them. */
import { describe, expect, it } from 'vitest';
import { localizeForm } from './localize-form';

const schema = {
  type: 'object',
  properties: {
    cycle: {
      type: 'string',
      title: '更新周期',
      oneOf: [
        { const: 'daily', title: '每日' },
        { const: 'weekly', title: '每周' },
      ],
    },
    period: {
      type: 'string',
      title: '共享期限',
      description: '长期或日期',
      anyOf: [
        { const: 'long-term', title: '长期' },
        { format: 'date', title: '截止日期' },
      ],
    },
    items: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string', title: '名称' } } },
    },
  },
};
const ui = {
  cycle: { 'ui:titleEn': 'Update cycle', 'ui:optionsEn': { daily: 'Daily' } },
  period: {
    'ui:titleEn': 'Sharing period',
    'ui:descriptionEn': 'Long-term or a date',
    'ui:placeholderEn': 'YYYY-MM-DD',
    'ui:placeholder': '如 2027-12-31',
    'ui:optionsEn': { 'long-term': 'Long-term', ':date': 'End date' },
  },
  items: { items: { name: { 'ui:titleEn': 'Name' } } },
};

describe('localizeForm', () => {
  it('puts the author’s English into the schema and the uiSchema in English mode, and leaves what has none', () => {
    const en = localizeForm(schema, ui, 'en');
    const p = en.schema?.properties;
    expect(p.cycle.title).toBe('Update cycle');
    expect(p.cycle.oneOf).toEqual([
      { const: 'daily', title: 'Daily' },
      { const: 'weekly', title: '每周' },
    ]);
    expect(p.period.anyOf.map((b: { title: string }) => b.title)).toEqual(['Long-term', 'End date']);
    expect(p.period.description).toBe('Long-term or a date');
    expect(p.items.items.properties.name.title).toBe('Name');
    expect(en.uiSchema?.period['ui:placeholder']).toBe('YYYY-MM-DD');
    expect(en.uiSchema?.cycle['ui:title']).toBe('Update cycle');
  });

  it('changes nothing in Chinese mode', () => {
    expect(localizeForm(schema, ui, 'zh')).toEqual({ schema, uiSchema: ui });
  });
});
