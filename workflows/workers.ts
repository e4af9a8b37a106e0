/**
 * @module Every service-task type of the shipped BPMN, mapped to its worker, each with the process keys it was
 * written for: a diagram an administrator adds cannot borrow `catalog.apply-change` to retire entries.
 */
import { catalogChangeJobChecks } from './catalog-change/job-checks';
import { createCatalogWorkers } from './catalog/workers';
import { createNotifyWorker } from './notifications/notify-worker';
import { createProblemWorkers } from './problems/workers';
import { createSupervisionWorkers } from './supervision/workers';
import type { WorkerDeps, WorkflowJob, WorkflowJobWorker } from './worker-types';

/** The processes each job type serves; `any` for the generic ones (a notification names its own recipients). */
export const WORKER_PROCESS_KEYS: Record<string, readonly string[] | 'any'> = {
  notify: 'any',
  'catalog.publish-entry': ['catalog-registration'],
  'catalog.record-return': ['catalog-registration', 'catalog-change'],
  'catalog.check-change': ['catalog-change'],
  'catalog.apply-change': ['catalog-change'],
  'catalog.release-change': ['catalog-change'],
  'problems.route': ['data-problem'],
  'problems.open-round': ['data-problem'],
  'problems.record-rectification': ['data-problem'],
  'problems.remind': ['data-problem'],
  'problems.archive': ['data-problem'],
  'problems.dismiss': ['data-problem'],
  'supervision.prepare-bulletin': ['bulletin'],
  'supervision.publish-bulletin': ['bulletin'],
};

/**
 * Wraps a worker so that a job of a process it was not written for fails (retries, then an incident naming the
 * job type and the process) before the worker touches anything. A type without a declaration serves nobody.
 */
export function forProcesses(
  type: string,
  keys: readonly string[] | 'any' | undefined,
  worker: WorkflowJobWorker,
): WorkflowJobWorker {
  if (keys === 'any') return worker;
  return async (job) => {
    if (!keys?.includes(job.processKey)) {
      const allowed = keys?.join('、') || '无';
      throw new Error(
        `作业类型 ${type} 不能用于流程 ${job.processKey}（仅限：${allowed}）` +
          ` (job type ${type} does not serve process ${job.processKey}; only: ${keys?.join(', ') || 'none'})`,
      );
    }
    return worker(job);
  };
}

/** A process's own rules for a job type, run before the worker in the job's transaction (process key → type → check). */
const JOB_CHECKS: Record<string, Record<string, (job: WorkflowJob) => Promise<void>>> = {
  'catalog-change': catalogChangeJobChecks,
};

function withProcessChecks(type: string, worker: WorkflowJobWorker): WorkflowJobWorker {
  return async (job) => {
    const check = Object.hasOwn(JOB_CHECKS, job.processKey) ? JOB_CHECKS[job.processKey][type] : undefined;
    if (check) await check(job);
    return worker(job);
  };
}

export function createWorkflowWorkers(deps: WorkerDeps): Record<string, WorkflowJobWorker> {
  const all: Record<string, WorkflowJobWorker> = {
    notify: createNotifyWorker(deps),
    ...createCatalogWorkers(deps),
    ...createProblemWorkers(deps),
    ...createSupervisionWorkers(deps),
  };
  return Object.fromEntries(
    Object.entries(all).map(([type, worker]) => [
      type,
      forProcesses(type, WORKER_PROCESS_KEYS[type], withProcessChecks(type, worker)),
    ]),
  );
}
