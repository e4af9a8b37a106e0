/** @module The role keys of docs/processes.md, with their Chinese names; authority and supervisor roles are county-wide. */

export const ROLES = {
  'authority.reviewer': { name: '目录审核员', nameEn: 'Catalog reviewer', countyWide: true },
  'authority.governance': { name: '数据治理专员', nameEn: 'Data governance officer', countyWide: true },
  'authority.admin': { name: '系统管理员（流程）', nameEn: 'System administrator (processes)', countyWide: true },
  /** 三员分立: users, roles and units; sees no business data beyond what managing accounts needs. */
  'security.admin': { name: '安全管理员', nameEn: 'Security administrator', countyWide: false },
  /** 三员分立: reads the audit log, nothing else. */
  'audit.admin': { name: '审计管理员', nameEn: 'Audit administrator', countyWide: false },
  'unit.cataloguer': { name: '目录编制员', nameEn: 'Cataloguer', countyWide: false },
  'unit.leader': { name: '单位负责人', nameEn: 'Unit leader', countyWide: false },
  'unit.feedback': { name: '问题数据专人', nameEn: 'Data-problem contact', countyWide: false },
  'unit.rectifier': { name: '整改责任人', nameEn: 'Rectifier', countyWide: false },
  supervisor: { name: '督办', nameEn: 'Supervisor', countyWide: true },
  /** 归集 (三(四)): records collections of any unit's entries into the county platform; an authority-unit account. */
  'platform.collector': { name: '数据归集员', nameEn: 'Data collector', countyWide: true },
  /** An account other systems use (the county data platform, a reporting line): publishes messages and signals. */
  'platform.integration': { name: '系统对接账号', nameEn: 'System integration account', countyWide: true },
} as const;

export type RoleKey = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];

/** Own keys only: `constructor` or `toString` are no roles (`in` would say they are, through Object.prototype). */
export const isRoleKey = (s: string): s is RoleKey => Object.hasOwn(ROLES, s);
export const isCountyWideRole = (role: string): boolean => isRoleKey(role) && ROLES[role].countyWide === true;

/** The role policy the engine's runtime is given (RuntimeDeps.roles): the engine asks, this catalog answers. */
export const rolePolicy = { isCountyWide: isCountyWideRole } as const;
