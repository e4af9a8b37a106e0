/**
 * @module Public face of the shipped workflows: their BPMN + forms, the job workers of every service task type,
 * deployment at start-up, and the domain services (catalog, problems, notifications, supervision).
 */
import type { Vars } from '../engine/contract';
import type { RuntimeUser } from '../engine/runtime';
import type { DbOrTx } from '../platform/db/db';
import { catalogChangeChecks } from './catalog-change/checks';
import { catalogRegistrationChecks } from './catalog-registration/checks';
import { dataProblemChecks } from './data-problem/checks';
import { type Resource, SHIPPED_PROCESSES, shippedWorkflows } from './shipped';
import type { WorkerDeps, WorkflowJobWorker } from './worker-types';
import { composeChecks } from './workflow-checks';
import { createWorkflowWorkers } from './workers';

/**
 * The shipped processes' own rules as the runtime's hooks (RuntimeDeps.hooks): each process folder declares its
 * checks (`<key>/checks.ts`), composed here by process key. A process without an entry has no checks.
 */
export const workflowHooks = composeChecks({
  'catalog-registration': catalogRegistrationChecks,
  'catalog-change': catalogChangeChecks,
  'data-problem': dataProblemChecks,
});

/**
 * The pre-start checks of `processKey` called directly (tests, tools), without the start form: throws the AppError
 * (NOT_FOUND, FORBIDDEN, CONFLICT) the runtime would answer a start with; other keys pass.
 */
export async function checkBeforeStart(db: DbOrTx, processKey: string, variables: Vars, actor: RuntimeUser) {
  const check = { db, processKey, variables, user: actor };
  await workflowHooks.checkBeforeStartForm(check);
  await workflowHooks.checkBeforeStart(check);
}

export type { WorkflowChecks } from './workflow-checks';
export * as catalog from './catalog';
export * as notifications from './notifications';
export * as problems from './problems';
export * as supervision from './supervision';
export { seedDemoContent } from './demo/seed-demo-content';
export {
  type Resource,
  SHIPPED_PROCESSES,
  type ShippedProcessKey,
  type ShippedWorkflow,
  shippedWorkflows,
} from './shipped';
export type { WorkerDeps, WorkflowJob, WorkflowJobWorker } from './worker-types';

export { createWorkflowWorkers } from './workers';

/** The parts of the engine runtime (engine/runtime `createRuntime`) these functions use. */
export interface WorkflowRuntime {
  registerWorker(type: string, worker: WorkflowJobWorker): void;
  listDefinitions(options?: { latest?: boolean; key?: string }): Promise<{ key: string; version: number }[]>;
  deployResources(input: {
    name?: string;
    resources: Resource[];
  }): Promise<{ processes: { key: string; version: number; created: boolean }[] }>;
}

/** Registers the workers on a runtime; `deps` should share the runtime's clock and calendar. */
export function registerWorkflowWorkers(runtime: Pick<WorkflowRuntime, 'registerWorker'>, deps: WorkerDeps) {
  for (const [type, worker] of Object.entries(createWorkflowWorkers(deps)))
    runtime.registerWorker(type, worker);
}

export interface DeployShippedResult {
  key: string;
  /** `skipped`: a version exists and `force` was not given (an administrator's version is never overwritten). */
  action: 'deployed' | 'unchanged' | 'skipped';
  version?: number;
  missingForms: string[];
}

/**
 * Deploys each shipped process whose key has no version yet (server start-up). `force` redeploys them all
 * (`npm run huiliu -- deploy workflows`): identical XML stays the same version, a changed file becomes the latest.
 */
export async function deployShippedWorkflows(
  runtime: Pick<WorkflowRuntime, 'listDefinitions' | 'deployResources'>,
  options: { force?: boolean } = {},
) {
  const results: DeployShippedResult[] = [];
  for (const w of shippedWorkflows()) {
    const existing = await runtime.listDefinitions({ key: w.key, latest: true });
    if (existing.length > 0 && !options.force) {
      results.push({
        key: w.key,
        action: 'skipped',
        version: existing[0].version,
        missingForms: w.missingForms,
      });
      continue;
    }
    const out = await runtime.deployResources({ name: `huiliu shipped: ${w.key}`, resources: w.resources });
    const p = out.processes.find((x) => x.key === w.key);
    results.push({
      key: w.key,
      action: p?.created ? 'deployed' : 'unchanged',
      version: p?.version,
      missingForms: w.missingForms,
    });
  }
  return results;
}

/** Process keys shipped with huiliu, for the CLI and the UI. */
export const SHIPPED_PROCESS_KEYS = Object.keys(SHIPPED_PROCESSES);
