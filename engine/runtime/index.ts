/** @module Public face of the durable runtime: createRuntime wires commands, queries, pollers and workers over one database. */
import { randomUUID } from 'node:crypto';
import { cancelInstance } from './commands/cancel-instance';
import { claimTask } from './commands/claim-task';
import { completeJob } from './commands/complete-job';
import { completeUserTask } from './commands/complete-user-task';
import { broadcastSignal } from './commands/broadcast-signal';
import { correlateMessage } from './commands/correlate-message';
import { evaluateDecision } from './commands/evaluate-decision';
import { publishMessage } from './commands/publish-message';
import { deployResources } from './commands/deploy-resources';
import { failJob } from './commands/fail-job';
import { retryIncident } from './commands/retry-incident';
import { startInstance } from './commands/start-instance';
import { unclaimTask } from './commands/unclaim-task';
import { delegateTask, resolveTask } from './commands/delegate-task';
import { transferTask } from './commands/transfer-task';
import { userTaskHeaders } from './task-headers';
import { defaultEngine } from './engine-port';
import { runDueJobs } from './job-runner';
import { createLoop } from './loop';
import * as q from './queries';
import { fireDueTimers } from './timer-poller';
import { type JobWorker, type RuntimeContext, type RuntimeDeps, WAKE_CHANNEL } from './types';

export { type InstanceDto, type TaskDto, toInstanceDto, toTaskDto } from './dto';
export {
  accessScope,
  canCompleteTask,
  canSeeTask,
  isCandidate,
  placeTask,
  taskAccessKeys,
} from './task-access';
export type * from './types';

export function createRuntime(deps: RuntimeDeps) {
  const jobLoopRef: { kick(): void } = { kick() {} };
  const rt: RuntimeContext = {
    database: deps.database,
    db: deps.database.db,
    clock: deps.clock,
    calendar: deps.calendar,
    engine: deps.engine ?? defaultEngine,
    forms: deps.forms,
    validateForm: deps.validateForm,
    roles: deps.roles,
    hooks: deps.hooks ?? {},
    workers: new Map(Object.entries(deps.workers ?? {})),
    definitions: new Map(),
    workerId: deps.workerId ?? `runtime-${randomUUID().slice(0, 8)}`,
    onJobsCreated: () => jobLoopRef.kick(),
  };
  const interval = deps.pollIntervalMs ?? (deps.database.kind === 'pglite' ? 250 : 1000);
  const timerLoop = createLoop('timers', () => fireDueTimers(rt), interval);
  const jobLoop = createLoop('jobs', () => runDueJobs(rt), interval);
  let unlisten: (() => Promise<void>) | null = null;
  let started = false;

  return {
    context: rt,
    deployResources: (input: Parameters<typeof deployResources>[1]) => deployResources(rt, input),
    startInstance: (input: Parameters<typeof startInstance>[1]) => startInstance(rt, input),
    completeUserTask: (input: Parameters<typeof completeUserTask>[1]) => completeUserTask(rt, input),
    claimTask: (input: Parameters<typeof claimTask>[1]) => claimTask(rt, input),
    unclaimTask: (input: Parameters<typeof unclaimTask>[1]) => unclaimTask(rt, input),
    transferTask: (input: Parameters<typeof transferTask>[1]) => transferTask(rt, input),
    delegateTask: (input: Parameters<typeof delegateTask>[1]) => delegateTask(rt, input),
    resolveTask: (input: Parameters<typeof resolveTask>[1]) => resolveTask(rt, input),
    userTaskHeaders: (instanceId: string, elementId: string) => userTaskHeaders(rt, instanceId, elementId),
    correlateMessage: (input: Parameters<typeof correlateMessage>[1]) => correlateMessage(rt, input),
    publishMessage: (input: Parameters<typeof publishMessage>[1]) => publishMessage(rt, input),
    broadcastSignal: (input: Parameters<typeof broadcastSignal>[1]) => broadcastSignal(rt, input),
    evaluateDecision: (input: Parameters<typeof evaluateDecision>[1]) => evaluateDecision(rt, input),
    cancelInstance: (input: Parameters<typeof cancelInstance>[1]) => cancelInstance(rt, input),
    retryIncident: (input: Parameters<typeof retryIncident>[1]) => retryIncident(rt, input),
    completeJob: (input: Parameters<typeof completeJob>[1]) => completeJob(rt, input),
    failJob: (input: Parameters<typeof failJob>[1]) => failJob(rt, input),
    getInstance: (id: string) => q.getInstance(rt, id),
    listInstances: (query?: Parameters<typeof q.listInstances>[1]) => q.listInstances(rt, query),
    getHistory: (instanceId: string) => q.getHistory(rt, instanceId),
    listTasks: (query: q.ListTasksInput) => q.listTasks(rt, query),
    getTask: (id: string, user: Parameters<typeof q.getTask>[2]) => q.getTask(rt, id, user),
    listDefinitions: (options?: { latest?: boolean; key?: string }) => q.listProcessDefinitions(rt, options),
    listIncidents: (instanceId: string) => q.listInstanceIncidents(rt, instanceId),
    registerWorker(type: string, worker: JobWorker) {
      rt.workers.set(type, worker);
      if (started) jobLoop.kick();
    },
    /**
     * Fires every timer due at `now` before resolving (the test clock calls this after moving time), including
     * those the background poller is firing at this moment.
     */
    async fireDueTimers(now?: Date) {
      const fired = await fireDueTimers(rt, now, { ignoreLeases: true });
      await timerLoop.idle();
      return fired;
    },
    /** Runs every ready job whose worker is registered (and waits for the background job loop's pass). */
    async runDueJobs() {
      const ran = await runDueJobs(rt);
      await jobLoop.idle();
      return ran;
    },
    async start() {
      if (started) return;
      started = true;
      jobLoopRef.kick = () => jobLoop.kick();
      timerLoop.start();
      jobLoop.start();
      if (deps.database.kind === 'postgres') {
        unlisten = await deps.database.listen(WAKE_CHANNEL, () => {
          timerLoop.kick();
          jobLoop.kick();
        });
      }
    },
    async stop() {
      started = false;
      jobLoopRef.kick = () => {};
      await Promise.all([timerLoop.stop(), jobLoop.stop()]);
      await unlisten?.();
      unlisten = null;
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
