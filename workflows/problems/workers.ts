/** @module Data-problem job workers: route to the source unit (一数一源), open rounds, record fixes, 催办, archive, dismiss. */
import { chinaDateOf } from '../../engine/calendar';
import type { Vars } from '../../engine/contract';
import { assertUnitActive } from '../../identity/units';
import { AppError } from '../../platform/errors';
import * as catalog from '../catalog/store';
import { sendNotification } from '../notifications/store';
import { need, str, type WorkerDeps, type WorkflowJob, type WorkflowJobWorker } from '../worker-types';
import * as store from './store';
import { workdaysToFix } from './workdays';

const TYPES = ['error', 'omission', 'infringement', 'other'] as const;
type ProblemType = (typeof TYPES)[number];
const TYPE_NAMES: Record<ProblemType, string> = {
  error: '数据错误',
  omission: '数据遗漏',
  infringement: '侵犯第三方合法权益',
  other: '其他',
};

async function projection(job: WorkflowJob) {
  const row = await store.findProblem(job.tx, job.instanceId);
  if (!row) throw new Error(`no problem row for instance ${job.instanceId}`);
  return row;
}

/** `problems.route`: the entry's owner unit is the source unit; the projection row starts here. */
async function routeProblem(job: WorkflowJob, deps: WorkerDeps) {
  const { tx, variables: v } = job;
  const found = await catalog.findEntry(tx, need(v, 'entryId'));
  if (!found)
    throw new AppError('NOT_FOUND', '反馈的目录条目不存在', {
      messageEn: 'The reported catalog entry does not exist',
    });
  // The source unit gets the triage outcome and the rectification: an inactive unit takes no new tasks (an incident).
  await assertUnitActive(tx, found.entry.unitId, 'task');
  const problemType: ProblemType = TYPES.includes(v.problemType as ProblemType)
    ? (v.problemType as ProblemType)
    : 'other';
  await store.insertProblem(tx, {
    instanceId: job.instanceId,
    entryId: found.entry.id,
    entryCode: found.entry.code,
    reporter: str(v.initiator),
    reporterUnitId: str(v.initiatorUnitId),
    sourceUnitId: found.entry.unitId,
    problemType,
    urgent: v.urgent === true,
    description: str(v.description) ?? '',
    receivedAt: deps.now(),
  });
  const variables: Vars = {
    sourceUnitId: found.entry.unitId,
    sourceUnitName: found.unitName,
    entryCode: found.entry.code,
    resourceName: found.entry.resourceName,
    problemTypeName: TYPE_NAMES[problemType],
    rounds: 0,
  };
  return { variables };
}

/** `problems.open-round`: a rectification round with the deadline the diagram computed (`rectifyDueAt`). */
async function openRound(job: WorkflowJob) {
  const row = await projection(job);
  const dueAt = new Date(need(job.variables, 'rectifyDueAt'));
  if (Number.isNaN(dueAt.getTime()))
    throw new Error(`rectifyDueAt is not a date: ${job.variables.rectifyDueAt}`);
  const rounds = row.rounds + 1;
  await store.updateProblem(job.tx, job.instanceId, {
    status: 'rectifying',
    rounds,
    dueAt,
    overdue: false,
    remindedOverdueDays: 0,
    reminders: 0,
  });
  return { variables: { rounds } };
}

/** `problems.record-rectification`: the report time decides "on time" (every round must meet its own deadline). */
async function recordRectification(job: WorkflowJob, deps: WorkerDeps) {
  const row = await projection(job);
  const now = deps.now();
  const inTime = row.dueAt ? now.getTime() <= row.dueAt.getTime() : true;
  await store.updateProblem(job.tx, job.instanceId, {
    status: 'verifying',
    rectifiedAt: now,
    firstRectifiedAt: row.firstRectifiedAt ?? now,
    onTime: (row.onTime ?? true) && inTime,
    overdue: false,
  });
  return undefined;
}

/**
 * `problems.remind` (the non-interrupting cycle on `rectify`): the cycle fires daily from 09:00 after the deadline; a
 * 催办 goes out once per working day overdue (a late or repeated firing the same day sends nothing more), never on
 * days off and never after the fix.
 */
async function remind(job: WorkflowJob, deps: WorkerDeps) {
  const row = await projection(job);
  const now = deps.now();
  if (row.status !== 'rectifying' || !row.dueAt || now.getTime() < row.dueAt.getTime()) return undefined;
  if (!deps.calendar.isWorkday(chinaDateOf(now.toISOString()))) return undefined;
  const { days } = deps.calendar.workdaysBetween(row.dueAt.toISOString(), now.toISOString());
  if (row.reminders > 0 && days <= row.remindedOverdueDays) return undefined;
  await store.updateProblem(job.tx, job.instanceId, {
    overdue: true,
    remindedOverdueDays: days,
    reminders: row.reminders + 1,
  });
  const name = str(job.variables.resourceName) ?? row.entryCode;
  const late = days > 0 ? `已逾期${days}个工作日` : '已到整改期限';
  await sendNotification(
    job.tx,
    [
      { role: 'unit.leader', unitId: row.sourceUnitId },
      { role: 'unit.rectifier', unitId: row.sourceUnitId },
      { role: 'supervisor' },
    ],
    {
      title: `催办：问题数据整改${late}（${row.entryCode}）`,
      body: `“${name}”的问题数据整改（第${row.rounds}轮）${late}，请尽快整改并反馈。`,
      link: `/instances/${job.instanceId}`,
      kind: 'reminder',
      instanceId: job.instanceId,
    },
  );
  return { variables: { overdue: true, overdueWorkdays: days } };
}

async function close(job: WorkflowJob, deps: WorkerDeps, outcome: 'archived' | 'dismissed') {
  const row = await projection(job);
  await store.updateProblem(job.tx, job.instanceId, {
    status: outcome,
    outcome,
    closedAt: deps.now(),
    overdue: false,
    // Stored once here so statistics over a year sum a column (a loaded calendar year recomputes it).
    workdaysToFix:
      outcome === 'archived' ? workdaysToFix(deps.calendar, row.receivedAt, row.rectifiedAt) : null,
  });
  return { variables: { outcome } };
}

export function createProblemWorkers(deps: WorkerDeps): Record<string, WorkflowJobWorker> {
  return {
    'problems.route': (job) => routeProblem(job, deps),
    'problems.open-round': (job) => openRound(job),
    'problems.record-rectification': (job) => recordRectification(job, deps),
    'problems.remind': (job) => remind(job, deps),
    'problems.archive': (job) => close(job, deps, 'archived'),
    'problems.dismiss': (job) => close(job, deps, 'dismissed'),
  };
}

/** For the start route: a problem can only be reported on an existing, active entry (404/409 instead of an incident). */
export async function assertProblemReportable(db: WorkflowJob['tx'], entryId: string) {
  const found = await catalog.findEntry(db, entryId);
  if (!found) throw new AppError('NOT_FOUND', '目录条目不存在', { messageEn: 'Catalog entry not found' });
  if (found.entry.status === 'retired') {
    throw new AppError('CONFLICT', `目录条目 ${found.entry.code} 已注销`, {
      messageEn: `Entry ${found.entry.code} is retired`,
    });
  }
  await assertUnitActive(db, found.entry.unitId, 'task');
  return found.entry;
}
