/** @module failJob: one failed attempt; retries with exponential backoff, then an incident that retryIncident resumes. */
import { AppError } from '../../../platform/errors';
import {
  appendHistory,
  insertIncidents,
  loadInstance,
  lockJob,
  updateInstanceVersioned,
  updateJob,
} from '../../store';
import { isUuid, notFound } from '../ids';
import { inTransaction, VersionConflict } from '../transaction';
import type { RuntimeContext } from '../types';

/** 1 s, 2 s, 4 s, ... capped at 5 minutes. */
export const backoffMs = (attempt: number) => Math.min(1000 * 2 ** Math.max(attempt - 1, 0), 300_000);

export async function failJob(
  rt: RuntimeContext,
  input: { jobId: string; error: string; retryInMs?: number },
): Promise<{ retriesLeft: number; incident: boolean }> {
  if (!isUuid(input.jobId)) throw notFound('作业', 'Job', input.jobId);
  return inTransaction(rt, async (tx) => {
    const job = await lockJob(tx, input.jobId);
    if (!job) throw notFound('作业', 'Job', input.jobId);
    if (job.status !== 'ready')
      throw new AppError('CONFLICT', '作业已结束', { messageEn: 'The job is no longer active' });
    const now = rt.clock.now();
    const left = Math.max(job.retriesLeft - 1, 0);
    const error = input.error.slice(0, 4000);
    if (left > 0) {
      const wait = input.retryInMs ?? backoffMs(job.retries - left);
      await updateJob(tx, job.id, {
        retriesLeft: left,
        lastError: error,
        nextRunAt: new Date(now.getTime() + wait),
        lockedUntil: null,
        lockOwner: null,
      });
      return { retriesLeft: left, incident: false };
    }
    await updateJob(tx, job.id, {
      retriesLeft: 0,
      lastError: error,
      status: 'failed',
      lockedUntil: null,
      lockOwner: null,
    });
    const instance = await loadInstance(tx, job.instanceId);
    if (!instance) throw new Error(`job ${job.id} has no instance`);
    const incidentKey = `${job.jobKey}#failed`;
    await insertIncidents(tx, [
      {
        instanceId: instance.id,
        incidentKey,
        elementId: job.elementId,
        activation: job.activation,
        type: 'JOB_FAILED',
        message: error,
        jobId: job.id,
        createdAt: now,
      },
    ]);
    if (instance.status === 'active') {
      if (!(await updateInstanceVersioned(tx, instance, { status: 'incident' })))
        throw new VersionConflict(instance.id);
    }
    const data = { incidentKey, jobType: job.type, message: error };
    await appendHistory(tx, instance.id, [
      { at: now.toISOString(), type: 'incident.raised', elementId: job.elementId, data },
    ]);
    return { retriesLeft: 0, incident: true };
  });
}
