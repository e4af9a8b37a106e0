/** @module completeJob: a service task's job is done; the worker's writes, the step and the job row commit together. */
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import { type InstanceRow, type JobRow, lockJobWithInstance, type Tx, updateJob } from '../../store';
import { isUuid, notFound } from '../ids';
import { stepInstance } from '../step';
import { inTransaction } from '../transaction';
import type { RuntimeContext } from '../types';

/**
 * Inside `tx`: lock the job, compute its output (a worker may write domain rows with `tx`), step the instance.
 * Returns null when the job is no longer ready (completed or cancelled meanwhile): nothing is done.
 */
export async function completeJobIn(
  rt: RuntimeContext,
  tx: Tx,
  jobId: string,
  produce: (job: JobRow, instance: InstanceRow) => Promise<Vars>,
): Promise<InstanceRow | null> {
  const both = await lockJobWithInstance(tx, jobId);
  if (both?.job.status !== 'ready') return null;
  const { job, instance } = both;
  const variables = await produce(job, instance);
  const event = {
    type: 'job.complete' as const,
    elementId: job.elementId,
    activation: job.activation,
    ...(job.loopIndex !== null ? { loopIndex: job.loopIndex } : {}),
    variables,
    at: rt.clock.now().toISOString(),
  };
  // A job whose activity was left (boundary event, cancel) is stale: it completes as a no-op.
  const outcome = await stepInstance(rt, tx, instance, event, { ignoreRejected: true, finishJob: job.id });
  if (outcome.rejected) await updateJob(tx, job.id, { status: 'cancelled', lockedUntil: null });
  return outcome.instance;
}

export async function completeJob(
  rt: RuntimeContext,
  input: { jobId: string; variables?: Vars },
): Promise<InstanceRow> {
  if (!isUuid(input.jobId)) throw notFound('作业', 'Job', input.jobId);
  const done = await inTransaction(rt, (tx) =>
    completeJobIn(rt, tx, input.jobId, async () => input.variables ?? {}),
  );
  if (!done) throw new AppError('CONFLICT', '作业已结束', { messageEn: 'The job is no longer active' });
  return done;
}
