/** @module ui/pages/tasks/prefill.test: a task form opens with the draft, never with a previous round's decision. */
import { describe, expect, it } from 'vitest';
import { prefillFor } from './prefill';

const schema = { properties: { resourceName: {}, decision: {}, comment: {}, reason: {} } };

describe('prefillFor', () => {
  it('given variables from an earlier round, when prefilled, then fields carry over but decision/comment do not', () => {
    const got = prefillFor(schema, {}, { resourceName: '人口库', decision: 'return', comment: '补充', other: 1 });
    expect(got).toEqual({ resourceName: '人口库' });
  });

  it('given a ui:options prefill override, when prefilled, then it wins', () => {
    const ui = { comment: { 'ui:options': { prefill: true } }, resourceName: { 'ui:options': { prefill: false } } };
    expect(prefillFor(schema, ui, { resourceName: 'x', comment: 'y' })).toEqual({ comment: 'y' });
  });
});
