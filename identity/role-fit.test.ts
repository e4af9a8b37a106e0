/** @module Role keys and unit kinds: what an administrator may grant to whom. */
import { describe, expect, it } from 'vitest';
import { roleIssues } from './role-fit';

describe('roleIssues', () => {
  it('accepts unit roles in a department and county-wide roles in the authority', () => {
    expect(roleIssues(['unit.cataloguer', 'unit.leader'], 'department')).toEqual([]);
    expect(roleIssues(['authority.admin', 'supervisor', 'unit.cataloguer'], 'authority')).toEqual([]);
  });

  it('refuses an unknown role key and a county-wide role outside the authority, in Chinese and English', () => {
    const issues = roleIssues(['unit.boss', 'authority.reviewer', 'unit.leader'], 'town');
    expect(issues.map((i) => i.role)).toEqual(['unit.boss', 'authority.reviewer']);
    expect(issues[0]!.message).toBe('未知角色“unit.boss”');
    expect(issues[1]!.message).toMatch(/目录审核员.*全县范围/);
    expect(issues[1]!.messageEn).toMatch(/county-wide/);
  });
});
