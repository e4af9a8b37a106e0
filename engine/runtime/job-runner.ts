/**
 * @module Runs ready jobs with the registered workers. The worker runs INSIDE the transaction that steps the
 * instance with `job.complete`, so its domain writes and the step commit or roll back together; a throw counts
 * as a failed attempt (retry with backoff, then an incident).
 */
import { rawQuery } from '../../platform/db/raw';
import { claimReadyJobs } from '../store';
import { completeJobIn } from './commands/complete-job';
import { failJob } from './commands/fail-job';
import { isWindingDown } from './loop';
import { inTransaction } from './transaction';
import type { RuntimeContext } from './types';

/**
 * How long a claim keeps other processes off a job that has not started yet. A running job holds its row lock, so
 * the lease only matters for a claimer that died (`kill -9`) before running what it claimed: the others take those
 * jobs after the lease. HUILIU_JOB_LEASE_MS shortens it (tests of a killed process).
 */
const LEASE_MS = Number(process.env.HUILIU_JOB_LEASE_MS) || 5 * 60_000;

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
    for (const [i, id] of ids.entries()) {
      if (isWindingDown(rt)) {
        await releaseJobs(rt, ids.slice(i));
        return ran;
      }
      if ((await runJob(rt, id)) !== 'skipped') ran++;
    }
    if (ids.length < batchSize || isWindingDown(rt)) return ran;
  }
}

/** Hands claimed, not yet started jobs back (graceful stop): another process may take them at once. */
export async function releaseJobs(rt: RuntimeContext, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await rawQuery(
    rt.db,
    `update jobs set locked_until = null, lock_owner = null
     where id = any($1::text::uuid[]) and lock_owner = $2::text and status = 'ready'`,
    [`{${ids.join(',')}}`, rt.workerId],
  );
}
