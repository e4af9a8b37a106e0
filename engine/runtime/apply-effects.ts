/** @module Writes what one step emitted (tasks, timers, jobs, subscriptions, incidents, children, history) in its transaction. */
import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Effect, HistoryEvent } from '../contract';
import {
  appendHistory,
  cancelJob,
  cancelTimer,
  closeSubscription,
  closeTask,
  type DefinitionRow,
  findChildInstance,
  type InstanceRow,
  insertIncidents,
  insertJobs,
  insertSubscriptions,
  insertTasks,
  insertTimers,
  type NewIncident,
  type NewJob,
  type NewSubscription,
  type NewTask,
  type NewTimer,
  resolveIncident,
  runWrites,
  type Tx,
} from '../store';
import { latestDefinitionOf } from './definitions';
import { createInstance, stepInstance } from './step';
import { placeTask, taskAccessKeys } from './task-access';
import { type RuntimeContext, WAKE_CHANNEL } from './types';

type Of<T extends Effect['type']> = Extract<Effect, { type: T }>;

/** Returns true when a child instance was started or cancelled (it may have stepped this instance again). */
export async function applyEffects(
  rt: RuntimeContext,
  tx: Tx,
  inst: InstanceRow,
  def: DefinitionRow,
  effects: Effect[],
  at: Date,
  actor: string | null,
): Promise<boolean> {
  const tasks: NewTask[] = [];
  const timers: NewTimer[] = [];
  const jobs: NewJob[] = [];
  const subs: NewSubscription[] = [];
  const incidents: NewIncident[] = [];
  const history: HistoryEvent[] = [];
  const children: (Of<'child.start'> | Of<'child.cancel'>)[] = [];
  const updates: (SQLWrapper | null)[] = [];
  const loop = (e: { loopIndex?: number }) => e.loopIndex ?? null;

  for (const e of effects) {
    switch (e.type) {
      case 'task.opened': {
        const place = placeTask(e.candidateGroups, inst.unitId);
        tasks.push({
          instanceId: inst.id,
          elementId: e.elementId,
          taskKey: e.taskKey,
          activation: e.activation,
          loopIndex: loop(e),
          name: e.name,
          assignee: e.assignee ?? null,
          candidateGroups: place.roles,
          candidateUsers: e.candidateUsers,
          accessKeys: taskAccessKeys(place.roles, place.unitId, e.candidateUsers),
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
        updates.push(closeTask(tx, inst.id, e.taskKey, e.reason, at, actor));
        break;
      case 'timer.scheduled':
        timers.push({
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
        updates.push(cancelTimer(tx, inst.id, e.timerKey));
        break;
      case 'job.created':
        jobs.push({
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
        updates.push(cancelJob(tx, inst.id, e.jobKey));
        break;
      case 'message.subscribed':
        subs.push({
          instanceId: inst.id,
          subscriptionKey: e.subscriptionKey,
          messageName: e.messageName,
          correlationKey: e.correlationKey,
          elementId: e.elementId,
          activation: e.activation,
          loopIndex: loop(e),
        });
        break;
      case 'message.unsubscribed':
        updates.push(closeSubscription(tx, inst.id, e.subscriptionKey));
        break;
      case 'incident.raised':
        incidents.push({
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
        updates.push(resolveIncident(tx, inst.id, e.incidentKey, at));
        break;
      case 'history':
        history.push(e.event);
        break;
      case 'child.start':
      case 'child.cancel':
        children.push(e);
        break;
    }
  }
  // Updates target rows of earlier steps, inserts add new ones: independent, so they go as one statement.
  const notify = jobs.length > 0 && rt.database.kind === 'postgres';
  await runWrites(
    tx,
    [
      ...updates,
      insertTasks(tx, tasks),
      insertTimers(tx, timers),
      insertJobs(tx, jobs),
      insertSubscriptions(tx, subs),
      insertIncidents(tx, incidents),
      appendHistory(tx, inst.id, history),
    ],
    // Delivered on commit to every listening process; the in-process kick covers PGlite (single process).
    notify ? sql`select pg_notify(${WAKE_CHANNEL}, 'jobs')` : undefined,
  );
  // The job loop is kicked after the commit (inTransaction), when the rows are visible to its claim.
  if (jobs.length > 0) rt.jobsCreated = true;
  for (const c of children) {
    if (c.type === 'child.start') await startChild(rt, tx, inst, c);
    else await cancelChild(rt, tx, inst, c.childKey, at, actor);
  }
  return children.length > 0;
}

async function startChild(rt: RuntimeContext, tx: Tx, parent: InstanceRow, e: Of<'child.start'>) {
  const def = await latestDefinitionOf(rt, tx, e.processId);
  const variables = { initiator: parent.startedBy, initiatorUnitId: parent.unitId, ...e.variables };
  await createInstance(rt, tx, def, {
    variables,
    businessKey: e.businessKey ?? parent.businessKey,
    actor: parent.startedBy,
    unitId: parent.unitId,
    parent: {
      instanceId: parent.id,
      ref: {
        childKey: e.childKey,
        elementId: e.elementId,
        activation: e.activation,
        ...(e.loopIndex !== undefined ? { loopIndex: e.loopIndex } : {}),
      },
    },
  });
}

async function cancelChild(
  rt: RuntimeContext,
  tx: Tx,
  parent: InstanceRow,
  childKey: string,
  at: Date,
  actor: string | null,
) {
  const child = await findChildInstance(tx, parent.id, childKey);
  if (!child) return;
  const event = {
    type: 'instance.cancel' as const,
    reason: 'parent',
    at: at.toISOString(),
    ...(actor ? { actor } : {}),
  };
  await stepInstance(rt, tx, child, event, { actor, ignoreRejected: true });
}
