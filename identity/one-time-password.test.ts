/** @module Generated one-time passwords always meet the policy, so the first change is never refused because of them. */
import { describe, expect, it } from 'vitest';
import { generateOneTimePassword } from './one-time-password';
import { passwordPolicyIssue } from './password-policy';

describe('generateOneTimePassword', () => {
  it('given 500 draws, then each is 14 characters, meets the policy and they differ', () => {
    const drawn = Array.from({ length: 500 }, generateOneTimePassword);
    for (const p of drawn) {
      expect(p).toHaveLength(14);
      expect(passwordPolicyIssue(p, 'someone')).toBeUndefined();
      expect(p).not.toMatch(/[0O1lI]/); // nothing to misread when it is handed over
    }
    expect(new Set(drawn).size).toBe(500);
  });
});
