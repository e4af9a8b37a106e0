/** @module ui/pages/admin/units-messages: the units page's zh/en strings (Chinese first). */
import { useLocale } from '../../i18n';

const zh = {
  'nav.units': '单位管理',
  'units.title': '单位管理',
  'units.new': '新增单位',
  'units.edit': '修改单位',
  'units.code': '单位代码',
  'units.name': '单位名称',
  'units.kind': '单位类型',
  'units.status': '状态',
  'units.active': '启用',
  'units.inactive': '已停用',
  'units.example': '示例',
  'units.exampleHint': '演示数据中的示例单位，不是本县的真实名录：请改名、停用或用自己的单位名录导入。',
  'units.actions': '操作',
  'units.deactivate': '停用',
  'units.activate': '启用',
  'units.deactivateConfirm': '停用后该单位保留历史和目录，但不再新增用户和任务。确定停用？',
  'units.codeRule': '字母、数字、“.”“_”“-”，最长 40 位；保存后不能修改',
  'units.required': '请填写{field}',
  'units.created': '已新增单位 {name}',
  'units.saved': '已保存',
  'units.deactivated': '已停用 {name}',
  'units.activated': '已启用 {name}',
  'units.search': '搜索代码或名称',
  'kind.authority': '大数据主管部门',
  'kind.department': '县级部门',
  'kind.town': '乡镇/街道',
  'kind.public-service': '公共服务单位',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.edit': '修改',
} as const;

export type UnitsMessageKey = keyof typeof zh;

const en: Record<UnitsMessageKey, string> = {
  'nav.units': 'Units',
  'units.title': 'Units',
  'units.new': 'Add unit',
  'units.edit': 'Edit unit',
  'units.code': 'Code',
  'units.name': 'Name',
  'units.kind': 'Kind',
  'units.status': 'Status',
  'units.active': 'Active',
  'units.inactive': 'Inactive',
  'units.example': 'Example',
  'units.exampleHint':
    "Example units of the demo data, not the county's list: rename, deactivate or import your own.",
  'units.actions': 'Actions',
  'units.deactivate': 'Deactivate',
  'units.activate': 'Activate',
  'units.deactivateConfirm':
    'An inactive unit keeps its history and entries but gets no new users or tasks. Deactivate?',
  'units.codeRule': 'Letters, digits, ".", "_" or "-", at most 40; cannot be changed later',
  'units.required': '{field} is required',
  'units.created': 'Unit {name} added',
  'units.saved': 'Saved',
  'units.deactivated': '{name} deactivated',
  'units.activated': '{name} activated',
  'units.search': 'Search code or name',
  'kind.authority': 'Big-data authority',
  'kind.department': 'County department',
  'kind.town': 'Town or subdistrict',
  'kind.public-service': 'Public-service unit',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.edit': 'Edit',
};

export function unitsTranslate(
  lang: 'zh' | 'en',
  key: UnitsMessageKey,
  vars: Record<string, string | number> = {},
) {
  const text: string = (lang === 'en' ? en : zh)[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function useUnitsT() {
  const { lang } = useLocale();
  return (key: UnitsMessageKey, vars?: Record<string, string | number>) => unitsTranslate(lang, key, vars);
}
