/** @module Role keys and unit kinds: what an administrator may grant to whom. */
import { describe, expect, it } from 'vitest';
import { roleCatalog, roleIssues, type UnitKind, unitKindsFor } from './role-fit';
import { isCountyWideRole, ROLE_KEYS, rolePolicy } from './roles';

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

describe('the role catalog', () => {
  it('given every role and unit kind, then unitKindsFor lists exactly the kinds roleIssues accepts', () => {
    const kinds: UnitKind[] = ['authority', 'department', 'town', 'public-service'];
    for (const role of ROLE_KEYS)
      for (const kind of kinds)
        expect(unitKindsFor(role).includes(kind), `${role} in ${kind}`).toBe(
          roleIssues([role], kind).length === 0,
        );
  });

  it('given the catalog clients read, then every role has both names and the county-wide flag the runtime is given', () => {
    const catalog = roleCatalog();
    expect(catalog.map((r) => r.key)).toEqual(ROLE_KEYS);
    for (const r of catalog) {
      expect(r.name).toMatch(/\p{Script=Han}/u);
      expect(r.nameEn).toMatch(/^[A-Z]/);
      expect(r.countyWide).toBe(rolePolicy.isCountyWide(r.key));
    }
    expect(catalog.find((r) => r.key === 'authority.reviewer')).toMatchObject({
      countyWide: true,
      unitKinds: ['authority'],
    });
    expect(catalog.find((r) => r.key === 'unit.leader')?.unitKinds).toContain('town');
  });

  it('given a key that is no role, then it is not county-wide (an unknown group never widens who sees a task)', () => {
    expect(isCountyWideRole('authority.unknown')).toBe(false);
    expect(rolePolicy.isCountyWide('')).toBe(false);
  });

  it("given Object.prototype's names as role keys, then they are unknown roles, not grantable ones", () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(roleIssues([key], 'authority').map((i) => i.message)).toEqual([`未知角色“${key}”`]);
      expect(rolePolicy.isCountyWide(key)).toBe(false);
    }
  });
});
