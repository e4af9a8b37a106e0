/** @module ui/pages/bulletins/bulletin-messages: the bulletin page's zh/en strings (Chinese first). */
import { useLocale } from '../../i18n';

const zh = {
  period: '统计期间',
  status: '状态',
  draft: '草稿（未发布）',
  published: '已发布',
  publishedAt: '发布时间',
  summary: '通报摘要',
  noSummary: '（无摘要）',
  download: '下载通报（Excel）',
  downloadFailed: '下载失败',
  units: '各单位情况',
  unit: '单位',
  received: '受理问题',
  rectified: '完成整改',
  onTime: '按期整改',
  overdueNow: '当前逾期',
  registered: '新注册目录',
  stale: '更新超期目录',
  staleTitle: '超过更新周期未归集的目录（共 {n} 条）',
  code: '信息资源代码',
  name: '信息资源名称',
  dueAt: '应归集截止',
  notFound: '通报不存在或尚未发布',
  own: '本单位',
};

export type BulletinKey = keyof typeof zh;

const en: Record<BulletinKey, string> = {
  period: 'Period',
  status: 'Status',
  draft: 'Draft (not published)',
  published: 'Published',
  publishedAt: 'Published at',
  summary: 'Summary',
  noSummary: '(no summary)',
  download: 'Download (Excel)',
  downloadFailed: 'Download failed',
  units: 'Units',
  unit: 'Unit',
  received: 'Received',
  rectified: 'Rectified',
  onTime: 'On time',
  overdueNow: 'Overdue now',
  registered: 'Registered entries',
  stale: 'Stale entries',
  staleTitle: 'Entries past their update cycle ({n} in all)',
  code: 'Code',
  name: 'Resource name',
  dueAt: 'Due',
  notFound: 'No such bulletin, or not published yet',
  own: 'Your unit',
};

export function useBulletinT() {
  const { lang } = useLocale();
  return (key: BulletinKey, vars?: Record<string, string | number>) => {
    let text = (lang === 'en' ? en : zh)[key];
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
