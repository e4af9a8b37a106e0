/** @module ui/pages/catalog/scale-messages: zh/en strings of the catalog's filters, update cycles and collections (Chinese first). */
import { useLocale } from '../../i18n';

const zh = {
  category: '分类',
  sharing: '共享属性',
  opening: '开放属性',
  system: '信息系统',
  status: '状态',
  staleOnly: '仅看更新超期',
  updateCycle: '更新周期',
  nextDue: '下次归集截止',
  lastCollected: '最近归集',
  never: '从未',
  noDue: '不定期',
  stale: '已超期',
  total: '共 {n} 条',
  collect: '登记归集',
  collectTitle: '登记归集（三（四））',
  collectAt: '归集时间',
  records: '记录数',
  note: '备注',
  collected: '已登记归集，下次截止 {due}',
  collections: '归集记录',
  recordedBy: '登记人',
  sameItems: '其他单位的同名数据项（一数一源：不得重复采集）',
  sameItemsNone: '其他单位的目录中没有同名数据项',
  sameItemsMore: '等 {n} 条',
  'cat.basic': '基础',
  'cat.thematic': '主题',
  'cat.departmental': '部门',
  'share.unconditional': '无条件共享',
  'share.conditional': '有条件共享',
  'share.none': '不予共享',
  'open.unconditional': '无条件开放',
  'open.restricted': '受限开放',
  'open.forbidden': '禁止开放',
  'cycle.realtime': '实时',
  'cycle.daily': '每日',
  'cycle.weekly': '每周',
  'cycle.monthly': '每月',
  'cycle.quarterly': '每季度',
  'cycle.halfyearly': '每半年',
  'cycle.yearly': '每年',
  'cycle.irregular': '不定期',
};

export type ScaleKey = keyof typeof zh;

const en: Record<ScaleKey, string> = {
  category: 'Category',
  sharing: 'Sharing',
  opening: 'Opening',
  system: 'System',
  status: 'Status',
  staleOnly: 'Stale only',
  updateCycle: 'Update cycle',
  nextDue: 'Next collection due',
  lastCollected: 'Last collected',
  never: 'Never',
  noDue: 'Irregular',
  stale: 'Stale',
  total: '{n} in all',
  collect: 'Record collection',
  collectTitle: 'Record a collection',
  collectAt: 'Collected at',
  records: 'Records',
  note: 'Note',
  collected: 'Collection recorded; next due {due}',
  collections: 'Collections',
  recordedBy: 'Recorded by',
  sameItems: "Other units' entries with data items of the same name (one source per datum)",
  sameItemsNone: "No other unit's entry has a data item of these names",
  sameItemsMore: '{n} in all',
  'cat.basic': 'Basic',
  'cat.thematic': 'Thematic',
  'cat.departmental': 'Departmental',
  'share.unconditional': 'Unconditional',
  'share.conditional': 'Conditional',
  'share.none': 'Not shared',
  'open.unconditional': 'Open',
  'open.restricted': 'Restricted',
  'open.forbidden': 'Not open',
  'cycle.realtime': 'Real time',
  'cycle.daily': 'Daily',
  'cycle.weekly': 'Weekly',
  'cycle.monthly': 'Monthly',
  'cycle.quarterly': 'Quarterly',
  'cycle.halfyearly': 'Half-yearly',
  'cycle.yearly': 'Yearly',
  'cycle.irregular': 'Irregular',
};

export type ScaleT = (key: ScaleKey, vars?: Record<string, string | number>) => string;

export function useScaleT(): ScaleT {
  const { lang } = useLocale();
  return (key, vars) => {
    let text = (lang === 'en' ? en : zh)[key];
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

/** A label for an enumerated value, or the value itself when unknown. */
export const labelOf = (t: ScaleT, prefix: 'cat' | 'share' | 'open' | 'cycle', value: unknown): string =>
  typeof value === 'string' && `${prefix}.${value}` in zh
    ? t(`${prefix}.${value}` as ScaleKey)
    : value
      ? String(value)
      : '—';
