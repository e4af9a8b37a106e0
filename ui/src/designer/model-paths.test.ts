/** @module Tests of path addressing into sections and tables. */
import { describe, expect, it } from 'vitest';
import { catalogLikeModel } from './fixtures';
import { containerKind, fieldAt, listAt, updateListAt } from './model-paths';

describe('model paths', () => {
  it('finds fields inside sections and table columns', () => {
    const model = catalogLikeModel();
    expect(fieldAt(model, ['contact', 'phone'])?.title).toBe('电话');
    expect(fieldAt(model, ['items', 'length'])?.kind).toBe('integer');
    expect(listAt(model, ['resourceName'])).toBeUndefined();
    expect(containerKind(model, ['items'])).toBe('table');
  });

  it('updates only the addressed list, leaving the original untouched', () => {
    const model = catalogLikeModel();
    const next = updateListAt(model, ['contact'], (l) => l.filter((f) => f.name !== 'phone'));
    expect(listAt(next, ['contact'])?.map((f) => f.name)).toEqual(['person']);
    expect(listAt(model, ['contact'])?.map((f) => f.name)).toEqual(['person', 'phone']);
    expect(next.fields[0]).toBe(model.fields[0]);
  });
});
