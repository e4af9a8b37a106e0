/** @module Tests of mapping server definition issues to designer fields. */
import { describe, expect, it } from 'vitest';
import { fieldOfIssue } from './use-definition-check';

describe('fieldOfIssue', () => {
  it('names the field of a schema, conditional or uiSchema path, and nothing for form-level paths', () => {
    expect(fieldOfIssue('/schema/properties/phone/pattern')).toBe('phone');
    expect(fieldOfIssue('/schema/allOf/0/then/properties/legalBasis')).toBe('legalBasis');
    expect(fieldOfIssue('/uiSchema/phone/ui:widget')).toBe('phone');
    expect(fieldOfIssue('/schema/properties/a~1b')).toBe('a/b');
    expect(fieldOfIssue('/schema/type')).toBeUndefined();
    expect(fieldOfIssue('/uiSchema/ui:order')).toBeUndefined();
  });
});
