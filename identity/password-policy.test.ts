/** @module The password policy names the first rule a password breaks. */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors';
import { assertPasswordPolicy, passwordPolicyIssue } from './password-policy';

describe('passwordPolicyIssue', () => {
  it('given a strong password, when checked, then it passes', () => {
    expect(passwordPolicyIssue('Chengguan-2026', 'cgz.cataloguer')).toBeUndefined();
    expect(passwordPolicyIssue('县里的数据共享Ab12', 'x')).toBeUndefined(); // Chinese characters count as symbols
  });

  it('given a short, a two-kind, a username-containing or an unchanged password, when checked, then the rule is named', () => {
    expect(passwordPolicyIssue('Ab1-xyz', 'u')?.rule).toBe('length');
    expect(passwordPolicyIssue('abcdefghij12', 'u')?.rule).toBe('kinds');
    expect(passwordPolicyIssue('X-gaj.Leader-9', 'gaj.leader')?.rule).toBe('username');
    expect(passwordPolicyIssue('Same-Pass-123', 'u', 'Same-Pass-123')?.rule).toBe('same');
  });

  it('given a weak password, when asserted, then 422 WEAK_PASSWORD says which rule in Chinese and English', () => {
    try {
      assertPasswordPolicy('short', 'u');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('WEAK_PASSWORD');
      expect((e as Error).message).toBe('密码强度不足：密码至少需要 10 个字符');
      expect((e as { messageEn: string }).messageEn).toMatch(/at least 10 characters/);
    }
  });
});
