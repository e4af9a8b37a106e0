/**
 * @module Runs ready jobs with the registered workers. The worker runs INSIDE the transaction that steps the
 * instance with `job.complete`, so its domain writes and the step commit or roll back together; a throw counts
 * as a failed attempt (retry with backoff, then an incident).
 */
import { claimReadyJobs } from '../store';
import { completeJobIn } from './commands/complete-job';
import { failJob } from './commands/fail-job';
import { inTransaction } from './transaction';
import type { RuntimeContext } from './types';

const LEASE_MS = 5 * 60_000;

/** Runs one claimed job; returns 'completed', 'failed' or 'skipped' (no worker, or no longer ready). */
export async function runJob(rt: RuntimeContext, jobId: string): Promise<'completed' | 'failed' | 'skipped'> {
  try {
    const done = await inTransaction(rt, (tx) =>
      completeJobIn(rt, tx, jobId, async (job, instance) => {
        const worker = rt.workers.get(job.type);
        if (!worker) throw new Error(`no worker for job type ${job.type}`);
        const out = await worker({
          tx,
          instanceId: instance.id,
          processKey: instance.processKey,
          elementId: job.elementId,
          jobType: job.type,
          headers: job.headers,
          variables: { ...instance.variables, ...job.variables },
          ...(instance.businessKey ? { businessKey: instance.businessKey } : {}),
        });
        return out?.variables ?? {};
      }),
    );
    return done ? 'completed' : 'skipped';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await failJob(rt, { jobId, error: message }).catch(() => {});
    return 'failed';
  }
}

/** Claims and runs every job whose worker is registered and whose time has come; returns how many ran. */
export async function runDueJobs(rt: RuntimeContext, batchSize = 20): Promise<number> {
  let ran = 0;
  for (;;) {
    const wall = new Date();
    const lease = { now: wall, until: new Date(wall.getTime() + LEASE_MS), owner: rt.workerId };
    const ids = await claimReadyJobs(rt.db, rt.clock.now(), lease, [...rt.workers.keys()], batchSize);
    for (const id of ids) if ((await runJob(rt, id)) !== 'skipped') ran++;
    if (ids.length < batchSize) return ran;
  }
}
