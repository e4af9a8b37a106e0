/** @module 三员分立: no account holds two of the security, audit and system administrator roles. */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors';
import { assertSeparationOfDuties } from './separation';

describe('assertSeparationOfDuties', () => {
  it('given one administrator role among others, when checked, then it passes', () => {
    expect(() =>
      assertSeparationOfDuties(['authority.admin', 'supervisor', 'unit.cataloguer']),
    ).not.toThrow();
    expect(() => assertSeparationOfDuties(['security.admin', 'security.admin'])).not.toThrow();
  });

  it('given two or three of them, when checked, then 409 SEPARATION_OF_DUTIES names them in a fixed order', () => {
    try {
      assertSeparationOfDuties(['authority.admin', 'audit.admin', 'security.admin']);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('SEPARATION_OF_DUTIES');
      expect((e as Error).message).toBe(
        '三员分立：同一账号不能同时担任“安全管理员”、“审计管理员”、“系统管理员（流程）”',
      );
    }
  });
});
