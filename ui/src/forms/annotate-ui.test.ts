/** @module ui/forms/annotate-ui.test: annotated fields get their pickers; an author's choice is left alone. */
import { describe, expect, it } from 'vitest';
import { annotateUiSchema } from './annotate-ui';

describe('annotateUiSchema', () => {
  it('given x-catalog-entry, x-unit and x-attachment fields, when annotated, then each gets its widget or field', () => {
    const schema = {
      properties: {
        entryId: { type: 'string', 'x-catalog-entry': true },
        unitId: { type: 'string', 'x-unit': true },
        files: { type: 'array', items: { type: 'string', 'x-attachment': true } },
        rows: { type: 'array', items: { type: 'object', properties: { owner: { type: 'string', 'x-unit': true } } } },
      },
    };
    const ui = annotateUiSchema(schema, { unitId: { 'ui:widget': 'textarea' } });
    expect(ui.entryId).toEqual({ 'ui:widget': 'catalogEntry' });
    expect(ui.unitId).toEqual({ 'ui:widget': 'textarea' });
    expect(ui.files).toEqual({ 'ui:field': 'attachments' });
    expect(ui.rows.items.owner).toEqual({ 'ui:widget': 'unit' });
  });
});

describe('annotateUiSchema for a choice-or-value string', () => {
  it('given 共享期限 = 长期 or a date, when annotated, then it gets the constOrValue field', () => {
    const sharePeriod = { type: 'string', anyOf: [{ const: 'long-term', title: '长期' }, { format: 'date', title: '截止日期' }] };
    const category = { type: 'string', oneOf: [{ const: 'a' }, { const: 'b' }] };
    const ui = annotateUiSchema({ properties: { sharePeriod, category } });
    expect(ui.sharePeriod).toEqual({ 'ui:field': 'constOrValue', 'ui:fieldReplacesAnyOrOneOf': true });
    expect(ui.category).toBeUndefined();
  });
});
