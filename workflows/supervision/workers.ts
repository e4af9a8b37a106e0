/** @module Bulletin job workers: freeze last month's statistics for review, then publish and tell the county. */
import type { Json } from '../../engine/contract';
import { sendNotification } from '../notifications/store';
import { need, str, type WorkerDeps, type WorkflowJob, type WorkflowJobWorker } from '../worker-types';
import { listStaleEntries } from '../catalog/stale-entries';
import { computeStats, listOverdue, type Period, previousMonth } from './stats';
import * as store from './store';

/** The 数据更新 sheet lists at most this many stale entries (most overdue first); the total is always given. */
const STALE_IN_BULLETIN = 1000;

/** `supervision.prepare-bulletin`: the period (variables `periodFrom`/`periodTo`, default last month), totals and a draft summary. */
async function prepareBulletin(job: WorkflowJob, deps: WorkerDeps) {
  const now = deps.now();
  const v = job.variables;
  const period: Period =
    str(v.periodFrom) && str(v.periodTo)
      ? { from: need(v, 'periodFrom'), to: need(v, 'periodTo') }
      : previousMonth(now);
  const stats = await computeStats(job.tx, deps.calendar, period, now);
  const overdue = await listOverdue(job.tx, deps.calendar, now);
  const stale = await listStaleEntries(job.tx, now, { limit: STALE_IN_BULLETIN });
  const total = (
    k: 'problemsReceived' | 'problemsRectified' | 'rectifiedOnTime' | 'overdueNow' | 'entriesRegistered',
  ) => stats.reduce((a, s) => a + s[k], 0);
  const title = `公共数据工作通报（${period.from.slice(0, 7).replace('-', '年')}月）`;
  const summary: Record<string, number> = {
    problemsReceived: total('problemsReceived'),
    problemsRectified: total('problemsRectified'),
    rectifiedOnTime: total('rectifiedOnTime'),
    overdueNow: total('overdueNow'),
    entriesRegistered: total('entriesRegistered'),
    overdueTasks: overdue.length,
    entriesStale: stale.total,
  };
  const row = await store.insertBulletin(job.tx, {
    instanceId: job.instanceId,
    periodFrom: period.from,
    periodTo: period.to,
    title,
    stats: stats as unknown as Json,
    overdue: overdue as unknown as Json,
    stale: stale as unknown as Json,
  });
  return {
    variables: {
      bulletinId: row.id,
      bulletinTitle: title,
      periodFrom: period.from,
      periodTo: period.to,
      totals: summary,
      // Pre-fills the review form's 通报摘要; the reviewer may edit it before publishing.
      summary: `${period.from} 至 ${period.to}，全县受理问题数据${summary.problemsReceived}条，完成整改${summary.problemsRectified}条（按期${summary.rectifiedOnTime}条），当前逾期未整改${summary.overdueNow}条；新注册资源目录${summary.entriesRegistered}条，超过更新周期未归集目录${summary.entriesStale}条；逾期待办事项${summary.overdueTasks}项。`,
    },
  };
}

/** `supervision.publish-bulletin`: marks it published and notifies supervisors and every unit's leader. */
async function publishBulletin(job: WorkflowJob, deps: WorkerDeps) {
  const id = need(job.variables, 'bulletinId');
  const row = await store.findBulletin(job.tx, id);
  if (!row) throw new Error(`bulletin ${id} not found`);
  if (row.status === 'published') return undefined;
  // The summary as the reviewer left it in the review form is what the departments read (page and workbook).
  const summary = str(job.variables.summary)?.trim() || null;
  await store.publishBulletinRow(job.tx, id, deps.now(), str(job.variables.reviewer), summary);
  await sendNotification(job.tx, [{ role: 'supervisor' }, { role: 'unit.leader' }], {
    title: `已发布：${row.title}`,
    body: summary ?? `统计期间 ${row.periodFrom} 至 ${row.periodTo}, 请查阅本单位情况并落实整改。`,
    link: `/bulletins/${id}`,
    kind: 'bulletin',
    instanceId: job.instanceId,
  });
  return { variables: { bulletinStatus: 'published' } };
}

export function createSupervisionWorkers(deps: WorkerDeps): Record<string, WorkflowJobWorker> {
  return {
    'supervision.prepare-bulletin': (job) => prepareBulletin(job, deps),
    'supervision.publish-bulletin': (job) => publishBulletin(job, deps),
  };
}
