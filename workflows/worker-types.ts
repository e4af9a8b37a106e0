/** @module The job-worker shape the runtime calls (inside the transaction that completes the job), and the services workers need. */
import type { WorkdayCalendar } from '../engine/calendar';
import type { Json, Vars } from '../engine/contract';
import type { DbOrTx } from '../platform/db/db';

export interface WorkflowJob {
  tx: DbOrTx;
  instanceId: string;
  processKey: string;
  elementId: string;
  jobType: string;
  headers: Record<string, string>;
  variables: Vars;
  businessKey?: string;
}

/** Returns the variables to merge into the instance; throwing fails the job (retries, then an incident). */
export type WorkflowJobWorker = (job: WorkflowJob) => Promise<{ variables?: Vars } | undefined>;

/** What workers need besides the transaction: the runtime's clock and the live working-day calendar. */
export interface WorkerDeps {
  calendar: WorkdayCalendar;
  now: () => Date;
}

export const str = (v: Json | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

/** A required string variable; its absence is a modelling bug, so it throws (and becomes an incident). */
export function need(vars: Vars, name: string): string {
  const v = str(vars[name]);
  if (!v) throw new Error(`缺少流程变量 ${name} (missing process variable ${name})`);
  return v;
}
