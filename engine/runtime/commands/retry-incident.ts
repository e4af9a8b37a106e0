/** @module retryIncident: resumes an instance stopped by an incident (a failed job gets its retries back; a FEEL error is re-evaluated). */
import { AppError } from '../../../platform/errors';
import {
  appendHistory,
  getIncident,
  type InstanceRow,
  loadInstance,
  resolveIncident,
  updateInstanceVersioned,
  updateJob,
} from '../../store';
import { isUuid, notFound } from '../ids';
import { stepInstance } from '../step';
import { inTransaction, VersionConflict } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export async function retryIncident(
  rt: RuntimeContext,
  input: { incidentId: string; user?: RuntimeUser },
): Promise<InstanceRow> {
  if (!isUuid(input.incidentId)) throw notFound('事件', 'Incident', input.incidentId);
  const actor = input.user?.username ?? null;
  const result = await inTransaction(rt, async (tx) => {
    const incident = await getIncident(tx, input.incidentId);
    if (!incident) throw notFound('事件', 'Incident', input.incidentId);
    if (incident.status !== 'open')
      throw new AppError('CONFLICT', '该事件已解决', { messageEn: 'The incident is already resolved' });
    const instance = await loadInstance(tx, incident.instanceId);
    if (!instance) throw new Error(`incident ${incident.id} has no instance`);
    const at = rt.clock.now();
    if (incident.jobId) {
      const job = incident.jobId;
      await updateJob(tx, job, {
        status: 'ready',
        retriesLeft: 1,
        nextRunAt: at,
        lockedUntil: null,
        lockOwner: null,
      });
      await resolveIncident(tx, instance.id, incident.incidentKey, at);
      const back = await updateInstanceVersioned(tx, instance, { status: 'active' });
      if (!back) throw new VersionConflict(instance.id);
      const data = { incidentKey: incident.incidentKey };
      await appendHistory(tx, instance.id, [
        {
          at: at.toISOString(),
          type: 'incident.resolved',
          elementId: incident.elementId,
          ...(actor ? { actor } : {}),
          data,
        },
      ]);
      return { instance: back, job: true };
    }
    const event = {
      type: 'incident.retry' as const,
      incidentKey: incident.incidentKey,
      at: at.toISOString(),
    };
    return { instance: (await stepInstance(rt, tx, instance, event, { actor })).instance, job: false };
  });
  if (result.job) rt.onJobsCreated();
  return result.instance;
}
