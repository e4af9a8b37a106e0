/** @module ui/components/approval-record-messages: the record's and the previous steps' own words, in both languages. */
import type { Lang } from '../i18n';

const zh = {
  empty: '暂无审批记录',
  round: (n: number) => `第 ${n} 轮`,
  thisRound: (n: number) => `本环节第 ${n} 轮`,
  opinion: '意见',
  to: '至',
  more: (n: number) => `展开其余 ${n} 项`,
  less: '收起',
  technical: '技术流转日志（管理员）',
  previous: '前序环节',
  previousHint: '本任务之前各环节的办理意见和填报内容',
  noPrevious: '暂无前序环节',
  record: '审批记录',
  system: '系统',
};
const en: typeof zh = {
  empty: 'No approvals recorded yet',
  round: (n: number) => `Round ${n}`,
  thisRound: (n: number) => `This step: round ${n}`,
  opinion: 'Opinion',
  to: 'to',
  more: (n: number) => `Show ${n} more`,
  less: 'Show less',
  technical: 'Technical event log (administrators)',
  previous: 'Previous steps',
  previousHint: 'Opinions and submissions of the steps before this task',
  noPrevious: 'No previous steps',
  record: 'Approval record',
  system: 'System',
};

export const recordMessages = (lang: Lang) => (lang === 'en' ? en : zh);
