/** @module Test helpers for the workflows' services and workers: a migrated database with the county's units and demo users. */
import { randomUUID } from 'node:crypto';
import { createOfficialCalendar } from '../engine/calendar';
import type { Vars } from '../engine/contract';
import type { DbOrTx } from '../platform/db/db';
import { openTestDatabase, type TestDbKind } from '../platform/db/testing';
import { seedDemoUsers, seedUnits } from '../identity/seed';
import type { WorkerDeps, WorkflowJob } from './worker-types';

export async function openDomainDb(kind: TestDbKind) {
  const database = await openTestDatabase(kind);
  await seedUnits(database.db);
  await seedDemoUsers(database.db, 'test-password');
  return database;
}

/** Worker deps with a settable clock, on the official calendar. */
export function testDeps(start: string): WorkerDeps & { setNow(iso: string): void } {
  let now = new Date(start);
  return {
    calendar: createOfficialCalendar(),
    now: () => now,
    setNow(iso: string) {
      now = new Date(iso);
    },
  };
}

/** A job as the runtime hands it to a worker; `instanceId` is fresh unless given. */
export function makeJob(
  tx: DbOrTx,
  jobType: string,
  variables: Vars,
  more: Partial<WorkflowJob> = {},
): WorkflowJob {
  return {
    tx,
    instanceId: randomUUID(),
    processKey: 'test',
    elementId: 'el',
    jobType,
    headers: {},
    variables,
    ...more,
  };
}
