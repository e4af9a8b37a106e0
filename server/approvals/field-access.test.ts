/** @module Field access per step: parsing the header, what a reader gets, what a submission may change. */
import { describe, expect, it } from 'vitest';
import { checkSubmission, formForStep, parseFieldAccess, withoutHidden } from './field-access';

const access = parseFieldAccess(
  JSON.stringify({ secret: 'hidden', 'entry.code': 'read', note: 'edit', bad: 'write' }),
);

describe('field access per step', () => {
  it('parses the header, dropping unknown kinds; a malformed header grants everything', () => {
    expect(access).toEqual({ secret: 'hidden', 'entry.code': 'read', note: 'edit' });
    expect(parseFieldAccess('{not json')).toEqual({});
    expect(parseFieldAccess('["secret"]')).toEqual({});
    expect(parseFieldAccess(undefined)).toEqual({});
  });

  it('given hidden and read fields, when the task is read, then hidden ones are gone from data and schema and read ones are read-only', () => {
    const data = { secret: 's', entry: { code: 'A-1', name: 'n' }, note: 'x' };
    expect(withoutHidden(data, access)).toEqual({ entry: { code: 'A-1', name: 'n' }, note: 'x' });
    const schema = {
      type: 'object',
      required: ['secret', 'note'],
      properties: {
        secret: { type: 'string' },
        note: { type: 'string' },
        entry: { type: 'object', properties: { code: { type: 'string' } } },
      },
    };
    const shown = formForStep(
      schema,
      { 'ui:order': ['secret', 'note', 'entry'], secret: { 'ui:widget': 'textarea' } },
      access,
    );
    expect(Object.keys(shown.schema.properties as object)).toEqual(['note', 'entry']);
    expect(shown.schema.required).toEqual(['note']);
    expect(shown.uiSchema).toEqual({
      'ui:order': ['note', 'entry'],
      entry: { code: { 'ui:readonly': true } },
    });
  });

  it('given a submission, a changed read or hidden field is 422 naming it; unchanged or absent ones keep the current value', () => {
    const current = { secret: 's', entry: { code: 'A-1', name: 'n' } };
    expect(() => checkSubmission({ entry: { code: 'B-2' } }, current, access)).toThrow(/entry\.code/);
    expect(() => checkSubmission({ secret: 'guess' }, current, access)).toThrow(/secret/);
    // the form sends its object without the hidden and read parts: the instance's values are put back
    expect(checkSubmission({ entry: { name: 'm' }, note: 'y' }, current, access)).toEqual({
      entry: { name: 'm', code: 'A-1' },
      note: 'y',
      secret: 's',
    });
  });
});
