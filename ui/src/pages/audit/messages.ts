/** @module ui/pages/audit/messages: the audit page's zh/en strings (Chinese first), kept beside it. */
import { useLocale } from '../../i18n';

const zh = {
  'nav.audit': '安全审计',
  title: '安全审计日志',
  from: '开始日期',
  to: '结束日期',
  actor: '操作人（用户名）',
  action: '操作（如 auth 或 auth.login）',
  search: '查询',
  reset: '重置',
  export: '导出 Excel',
  exporting: '正在导出…',
  exportFailed: '导出失败',
  'col.at': '时间（北京时间）',
  'col.actor': '操作人',
  'col.ip': 'IP 地址',
  'col.action': '操作',
  'col.target': '对象',
  'col.outcome': '结果',
  'col.details': '详情',
  'outcome.ok': '成功',
  'outcome.denied': '拒绝',
  'outcome.failed': '失败',
  anonymous: '（匿名）',
  total: '共 {n} 条',
  retention: '审计记录只增不改，系统不删除，至少保留 180 天。',
};

export type AuditKey = keyof typeof zh;

const en: Record<AuditKey, string> = {
  'nav.audit': 'Audit',
  title: 'Security audit log',
  from: 'From',
  to: 'To',
  actor: 'Actor (username)',
  action: 'Action (e.g. auth or auth.login)',
  search: 'Search',
  reset: 'Reset',
  export: 'Export to Excel',
  exporting: 'Exporting…',
  exportFailed: 'Export failed',
  'col.at': 'Time (China)',
  'col.actor': 'Actor',
  'col.ip': 'IP address',
  'col.action': 'Action',
  'col.target': 'Target',
  'col.outcome': 'Outcome',
  'col.details': 'Details',
  'outcome.ok': 'OK',
  'outcome.denied': 'Denied',
  'outcome.failed': 'Failed',
  anonymous: '(anonymous)',
  total: '{n} in all',
  retention: 'Audit rows are append-only; the system never deletes them and keeps them at least 180 days.',
};

export function auditTranslate(
  lang: 'zh' | 'en',
  key: AuditKey,
  vars?: Record<string, string | number>,
): string {
  let text = (lang === 'en' ? en : zh)[key];
  for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

export function useAuditT() {
  const { lang } = useLocale();
  return (key: AuditKey, vars?: Record<string, string | number>) => auditTranslate(lang, key, vars);
}
