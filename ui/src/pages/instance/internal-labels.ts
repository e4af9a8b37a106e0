/**
 * @module ui/pages/instance/internal-labels: names for the variables no form declares, which the engine and the shipped
 * processes' workers write (发起人, 整改期限 …). Only administrators see such variables; they read the name with the
 * key beneath it. A key not listed here stays as it is: it is a diagram's own, and its author knows it.
 */
import type { Lang } from '../../i18n';

const LABELS: Record<string, [zh: string, en: string]> = {
  initiator: ['发起人', 'Started by'],
  initiatorUnitId: ['发起单位', 'Starter’s unit'],
  rounds: ['整改轮次', 'Rectification rounds'],
  entryCode: ['目录编码', 'Entry code'],
  resourceName: ['资源名称', 'Resource name'],
  resourceCode: ['资源编码', 'Resource code'],
  rectifyDueAt: ['整改期限', 'Rectification due'],
  sourceUnitId: ['数源单位', 'Source unit'],
  sourceUnitName: ['数源单位名称', 'Source unit name'],
  problemTypeName: ['问题类型名称', 'Problem type name'],
  systemName: ['系统名称', 'System name'],
  periodFrom: ['统计起始日', 'Period from'],
};

/** `{key: {title}}` for the listed keys among `keys` not already titled by a form. */
export function internalTitles(keys: string[], titled: Record<string, unknown>, lang: Lang) {
  const out: Record<string, { title: string }> = {};
  for (const k of keys) if (!(k in titled) && LABELS[k]) out[k] = { title: LABELS[k][lang === 'en' ? 1 : 0] };
  return out;
}
