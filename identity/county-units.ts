/**
 * @module 示例单位 (example units) and the demo users. The list below is an EXAMPLE of a county's units, seeded only
 * with the demo data (flag `example`); it is not the county's truth. A real county keeps its own units as data:
 * the admin page /admin/units or the units workbook (docs/api.md "Units", "Import and export"). A start without demo
 * data seeds the authority unit alone (AUTHORITY_UNIT), which `admin create` needs.
 */

export interface UnitSeed {
  id: string;
  name: string;
  kind: 'authority' | 'department' | 'town' | 'public-service';
}

export const AUTHORITY_UNIT_ID = 'dsj';

/** The big-data authority (大数据主管部门): every deployment has it; rename it to the county's own name. */
export const AUTHORITY_UNIT: UnitSeed = { id: AUTHORITY_UNIT_ID, name: '县大数据发展中心', kind: 'authority' };

/** The example list (示例单位): the authority first, then departments, towns and public-service units. */
export const EXAMPLE_UNITS: UnitSeed[] = [
  AUTHORITY_UNIT,
  { id: 'gaj', name: '县公安局', kind: 'department' },
  { id: 'wjj', name: '县卫生健康局', kind: 'department' },
  { id: 'rsj', name: '县人力社保局', kind: 'department' },
  { id: 'fgj', name: '县发展和改革局', kind: 'department' },
  { id: 'jyj', name: '县教育局', kind: 'department' },
  { id: 'mzj', name: '县民政局', kind: 'department' },
  { id: 'czj', name: '县财政局', kind: 'department' },
  { id: 'zrj', name: '县自然资源和规划局', kind: 'department' },
  { id: 'sthj', name: '县生态环境分局', kind: 'department' },
  { id: 'zjj', name: '县住房和城乡建设局', kind: 'department' },
  { id: 'jtj', name: '县交通运输局', kind: 'department' },
  { id: 'slj', name: '县水利局', kind: 'department' },
  { id: 'nyj', name: '县农业农村局', kind: 'department' },
  { id: 'swj', name: '县商务局', kind: 'department' },
  { id: 'wlj', name: '县文化广电旅游体育局', kind: 'department' },
  { id: 'yjj', name: '县应急管理局', kind: 'department' },
  { id: 'scj', name: '县市场监督管理局', kind: 'department' },
  { id: 'ybj', name: '县医疗保障局', kind: 'department' },
  { id: 'tjj', name: '县统计局', kind: 'department' },
  { id: 'tyj', name: '县退役军人事务局', kind: 'department' },
  { id: 'sfj', name: '县司法局', kind: 'department' },
  { id: 'spj', name: '县行政审批服务局', kind: 'department' },
  { id: 'cgz', name: '城关镇', kind: 'town' },
  { id: 'cdjd', name: '城东街道', kind: 'town' },
  { id: 'cxjd', name: '城西街道', kind: 'town' },
  { id: 'xhz', name: '新华镇', kind: 'town' },
  { id: 'hpz', name: '和平镇', kind: 'town' },
  { id: 'hkz', name: '河口镇', kind: 'town' },
  { id: 'sqz', name: '石桥镇', kind: 'town' },
  { id: 'lqz', name: '龙泉镇', kind: 'town' },
  { id: 'qsx', name: '青山乡', kind: 'town' },
  { id: 'rmyy', name: '县人民医院', kind: 'public-service' },
  { id: 'gsgs', name: '县供水有限公司', kind: 'public-service' },
  { id: 'bdcdj', name: '县不动产登记中心', kind: 'public-service' },
  { id: 'zwfw', name: '县政务服务中心', kind: 'public-service' },
];

export interface DemoUser {
  username: string;
  name: string;
  unitId: string;
  roles: string[];
}

/** Exactly docs/api.md's demo table. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', name: '李管理', unitId: AUTHORITY_UNIT_ID, roles: ['authority.admin'] },
  { username: 'security', name: '钱安全', unitId: AUTHORITY_UNIT_ID, roles: ['security.admin'] },
  { username: 'auditor', name: '冯审计', unitId: AUTHORITY_UNIT_ID, roles: ['audit.admin'] },
  { username: 'reviewer', name: '王审核', unitId: AUTHORITY_UNIT_ID, roles: ['authority.reviewer'] },
  { username: 'governance', name: '赵治理', unitId: AUTHORITY_UNIT_ID, roles: ['authority.governance'] },
  { username: 'supervisor', name: '孙督办', unitId: AUTHORITY_UNIT_ID, roles: ['supervisor'] },
  { username: 'gaj.cataloguer', name: '周编目', unitId: 'gaj', roles: ['unit.cataloguer'] },
  { username: 'gaj.leader', name: '吴局长', unitId: 'gaj', roles: ['unit.leader'] },
  { username: 'gaj.rectifier', name: '郑整改', unitId: 'gaj', roles: ['unit.rectifier'] },
  { username: 'wjj.cataloguer', name: '陈编目', unitId: 'wjj', roles: ['unit.cataloguer'] },
  { username: 'wjj.leader', name: '刘局长', unitId: 'wjj', roles: ['unit.leader'] },
  { username: 'wjj.feedback', name: '杨反馈', unitId: 'wjj', roles: ['unit.feedback'] },
  { username: 'wjj.rectifier', name: '黄整改', unitId: 'wjj', roles: ['unit.rectifier'] },
  { username: 'rsj.feedback', name: '林反馈', unitId: 'rsj', roles: ['unit.feedback'] },
  { username: 'rsj.cataloguer', name: '何编目', unitId: 'rsj', roles: ['unit.cataloguer'] },
  { username: 'rsj.leader', name: '马局长', unitId: 'rsj', roles: ['unit.leader'] },
];
