/** @module ui/pages/processes/start-drawer.test: a change request sends only the fields the user changed. */
import { describe, expect, it } from 'vitest';
import { onlyChanged } from './start-drawer';

describe('onlyChanged', () => {
  it('given a form prefilled with the current entry, when one field and one row change, then only those are sent', () => {
    const current = { resourceName: '人口', resourceCode: 'XC-1', dataItems: [{ name: 'a' }] };
    const sent = onlyChanged(
      { entryId: 'e1', reason: 'r', changes: { resourceName: '人口', resourceCode: 'XC-1', dataItems: [{ name: 'b' }] } },
      current,
    );
    expect(sent.changes).toEqual({ dataItems: [{ name: 'b' }] });
    expect(sent.entryId).toBe('e1');
  });

  it('given no current entry, when sending, then variables pass unchanged', () => {
    expect(onlyChanged({ a: 1 })).toEqual({ a: 1 });
  });
});
