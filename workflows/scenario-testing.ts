/** @module Scenario harness: the real runtime over a test database, a settable clock, the shipped workflows and their workers. */
import { createOfficialCalendar } from '../engine/calendar';
import type { Vars } from '../engine/contract';
import { and, asc, eq } from 'drizzle-orm';
import { createRuntime, type RuntimeUser, toTaskDto } from '../engine/runtime';
import { latestFormVersion, saveForm, validateStoredForm } from '../forms';
import { userTasks } from '../engine/store/schema';
import type { TestDbKind } from '../platform/db/testing';
import { DEMO_USERS } from '../identity/county-units';
import { rolePolicy } from '../identity/roles';
import { deployShippedWorkflows, workflowHooks } from '.';
import { createWorkflowWorkers } from './workers';
import { openDomainDb } from './testing';

export const demoUser = (username: string): RuntimeUser => {
  const u = DEMO_USERS.find((d) => d.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return { username: u.username, unitId: u.unitId, roles: u.roles };
};

/** Re-throws a form failure with its field issues in the message, so a failing scenario says which field. */
async function explained<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const details = (e as { details?: unknown }).details;
    if (details) throw new Error(`${what}: ${(e as Error).message} ${JSON.stringify(details)}`);
    throw e;
  }
}

export interface ScenarioOptions {
  /**
   * Run the workflows' start and completion checks (`workflowHooks`) as the server does. Off by default: scenarios
   * also drive a process past them on purpose, to show the workers refuse what the checks would have (an incident).
   */
  checks?: boolean;
}

export async function openScenario(kind: TestDbKind, start: string, options: ScenarioOptions = {}) {
  const database = await openDomainDb(kind);
  let now = new Date(start);
  const clock = { now: () => now };
  const calendar = createOfficialCalendar();
  // The real forms module: every start and completion below is validated against the shipped forms.
  const runtime = createRuntime({
    database,
    clock,
    calendar,
    forms: { saveForm, latestFormVersion },
    validateForm: async (key, version, data) => validateStoredForm(database.db, key, version, data),
    roles: rolePolicy,
    ...(options.checks ? { hooks: workflowHooks } : {}),
    workers: createWorkflowWorkers({ calendar, now: clock.now }),
  });
  const deployed = await deployShippedWorkflows(runtime);

  /** Runs every ready job (and the jobs those create) until none is left. */
  async function drain() {
    for (let i = 0; i < 50; i++) {
      const timers = await runtime.fireDueTimers(now);
      const jobs = await runtime.runDueJobs();
      if (!jobs && !timers) return;
    }
    throw new Error('drain: still busy after 50 rounds');
  }

  /** Open tasks of an instance, whoever may see them (the inbox's visibility rule is the runtime's to test). */
  async function openTasks(instanceId: string) {
    const rows = await database.db
      .select()
      .from(userTasks)
      .where(and(eq(userTasks.instanceId, instanceId), eq(userTasks.status, 'open')))
      .orderBy(asc(userTasks.createdAt));
    return rows.map((r) => toTaskDto(r, now));
  }

  return {
    database,
    db: database.db,
    runtime,
    calendar,
    deployed,
    now: () => now,
    drain,
    async setNow(iso: string) {
      now = new Date(iso);
      await drain();
    },
    async start(processKey: string, username: string, variables: Vars) {
      const inst = await explained(`start ${processKey}`, () =>
        runtime.startInstance({ processKey, user: demoUser(username), variables }),
      );
      await drain();
      return inst.id;
    },
    async instance(id: string) {
      return runtime.getInstance(id);
    },
    openTasks,
    /** Completes the open task `elementId` of an instance as `username`, then runs what follows. */
    async complete(instanceId: string, elementId: string, username: string, variables: Vars) {
      const tasks = await openTasks(instanceId);
      const task = tasks.find((t) => t.elementId === elementId);
      if (!task)
        throw new Error(`no open task ${elementId}; open: ${tasks.map((t) => t.elementId).join(', ')}`);
      await explained(`complete ${elementId}`, () =>
        runtime.completeUserTask({ taskId: task.id, user: demoUser(username), variables }),
      );
      await drain();
      return task;
    },
    close: () => database.close(),
  };
}
