/**
 * @module What one step emitted, as rows: tasks, timers, jobs, subscriptions, incidents and history to insert, and the
 * earlier rows to close. Collecting is pure; engine/store/step-write.ts writes it all in one statement with the
 * instance row. Call-activity children are the exception: they are instances of their own, started or cancelled
 * after that statement in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Effect } from '../contract';
import { type DefinitionRow, emptyWrites, type InstanceRow, type StepWrites } from '../store';
import { placeTask, taskAccessKeys } from './task-access';
import { type RuntimeContext, WAKE_CHANNEL } from './types';

type Of<T extends Effect['type']> = Extract<Effect, { type: T }>;
/** Effects that reach other instances, applied after the step's statement in its transaction (runtime/step.ts). */
export type ChildEffect = Of<'child.start'> | Of<'child.cancel'> | Of<'signal.broadcast'>;

export interface CollectedWrites {
  writes: Omit<StepWrites, 'instance'>;
  children: ChildEffect[];
}

export function collectWrites(
  rt: RuntimeContext,
  inst: Pick<InstanceRow, 'id' | 'unitId' | 'processKey' | 'businessKey'>,
  def: DefinitionRow,
  effects: Effect[],
  at: Date,
  actor: string | null,
): CollectedWrites {
  const w = emptyWrites(at);
  const children: ChildEffect[] = [];
  const loop = (e: { loopIndex?: number }) => e.loopIndex ?? null;
  for (const e of effects) {
    switch (e.type) {
      case 'task.opened': {
        const place = placeTask(e.candidateGroups, inst.unitId);
        w.tasks.push({
          // Made here, not by the database, so the caller knows the new tasks without reading them back.
          id: randomUUID(),
          instanceId: inst.id,
          elementId: e.elementId,
          taskKey: e.taskKey,
          activation: e.activation,
          loopIndex: loop(e),
          name: e.name,
          assignee: e.assignee ?? null,
          candidateGroups: place.roles,
          candidateUsers: e.candidateUsers,
          accessKeys: taskAccessKeys(place.roles, place.unitId, e.candidateUsers, rt.roles),
          unitId: place.unitId,
          dueAt: e.dueAt ? new Date(e.dueAt) : null,
          dueProvisional: e.dueProvisional ?? false,
          followUpAt: e.followUpAt ? new Date(e.followUpAt) : null,
          priority: e.priority ?? 50,
          formKey: e.formKey ?? null,
          formVersion: e.formKey ? (def.formBindings[e.formKey] ?? null) : null,
          localVars: e.localVars ?? null,
          processKey: inst.processKey,
          businessKey: inst.businessKey,
          createdAt: at,
        });
        break;
      }
      case 'task.closed':
        w.closeTasks.push({ taskKey: e.taskKey, status: e.reason, by: actor });
        break;
      case 'timer.scheduled':
        w.timers.push({
          instanceId: inst.id,
          timerKey: e.timerKey,
          elementId: e.elementId,
          activation: e.activation,
          loopIndex: loop(e),
          dueAt: new Date(e.dueAt),
          cycle: e.cycle ?? null,
          repetitionsLeft: e.repetitionsLeft ?? null,
          interrupting: e.interrupting ?? null,
        });
        break;
      case 'timer.cancelled':
        w.cancelTimers.push(e.timerKey);
        break;
      case 'job.created':
        w.jobs.push({
          instanceId: inst.id,
          jobKey: e.jobKey,
          elementId: e.elementId,
          activation: e.activation,
          loopIndex: loop(e),
          type: e.jobType,
          variables: e.variables,
          headers: e.headers,
          retries: e.retries,
          retriesLeft: e.retries,
          nextRunAt: at,
        });
        break;
      case 'job.cancelled':
        w.cancelJobs.push(e.jobKey);
        break;
      case 'message.subscribed':
        w.subscriptions.push({
          instanceId: inst.id,
          subscriptionKey: e.subscriptionKey,
          messageName: e.messageName,
          correlationKey: e.correlationKey,
          kind: e.kind ?? 'message',
          elementId: e.elementId,
          activation: e.activation,
          loopIndex: loop(e),
        });
        break;
      case 'message.unsubscribed':
        w.closeSubscriptions.push(e.subscriptionKey);
        break;
      case 'incident.raised':
        w.incidents.push({
          instanceId: inst.id,
          incidentKey: e.incidentKey,
          elementId: e.elementId,
          activation: e.activation,
          type: e.errorType,
          message: e.message,
          expression: e.expression ?? null,
          createdAt: at,
        });
        break;
      case 'incident.resolved':
        w.resolveIncidents.push(e.incidentKey);
        break;
      case 'history':
        w.history.push({
          instanceId: inst.id,
          at: new Date(e.event.at),
          type: e.event.type,
          elementId: e.event.elementId ?? null,
          actor: e.event.actor ?? null,
          data: e.event.data ?? null,
        });
        break;
      case 'child.start':
      case 'child.cancel':
      case 'signal.broadcast':
        children.push(e);
        break;
    }
  }
  // Delivered on commit to every listening process; the in-process kick (after commit) covers PGlite.
  if (w.jobs.length > 0 && rt.database.kind === 'postgres') w.notify = WAKE_CHANNEL;
  return { writes: w, children };
}
