/** @module Tests for ui/forms/refs: which stored values are references to resolve for display. */
import { describe, expect, it } from 'vitest';
import { refKindOf } from './refs';

describe('refKindOf', () => {
  it('given schema annotations, when asked, then x-catalog-entry, x-unit and x-attachment decide', () => {
    expect(refKindOf('entryId', { type: 'string', 'x-catalog-entry': true })).toBe('entry');
    expect(refKindOf('owner', { type: 'string', 'x-unit': true })).toBe('unit');
    expect(refKindOf('file', { type: 'string', 'x-attachment': true })).toBe('attachment');
  });

  it('given a schema without an annotation, when the name looks like an id, then it is not guessed', () => {
    expect(refKindOf('entryId', { type: 'string', title: '条目编号' })).toBeUndefined();
  });

  it('given a process variable with no schema, when its name says entry or unit id, then that is the kind', () => {
    expect(refKindOf('entryId', undefined)).toBe('entry');
    expect(refKindOf('catalogEntryId', undefined)).toBe('entry');
    expect(refKindOf('sourceUnitId', undefined)).toBe('unit');
    expect(refKindOf('unitId', {})).toBe('unit');
    expect(refKindOf('reason', undefined)).toBeUndefined();
    expect(refKindOf('entryIds', undefined)).toBeUndefined();
  });
});
