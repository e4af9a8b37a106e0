/** @module Every service-task type of the shipped BPMN, mapped to its worker. */
import { createCatalogWorkers } from './catalog/workers';
import { createNotifyWorker } from './notifications/notify-worker';
import { createProblemWorkers } from './problems/workers';
import { createSupervisionWorkers } from './supervision/workers';
import type { WorkerDeps, WorkflowJobWorker } from './worker-types';

export function createWorkflowWorkers(deps: WorkerDeps): Record<string, WorkflowJobWorker> {
  return {
    notify: createNotifyWorker(deps),
    ...createCatalogWorkers(deps),
    ...createProblemWorkers(deps),
    ...createSupervisionWorkers(deps),
  };
}
