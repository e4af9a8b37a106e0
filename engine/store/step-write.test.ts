/** @module The step statement's plan: the rows of one instance are found by that instance's own indexes. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../platform/db/testing';
import type { InstanceRow } from './schema';
import { buildStepStatement, emptyWrites, type StepWrites } from './step-write';

/** The partial indexes of open work (the inbox's, due timers', ready jobs', …): useless for one instance's rows. */
const PARTIAL_OPEN_INDEXES =
  /user_tasks_open_\w+|timers_due_idx|jobs_ready_idx|message_subscriptions_lookup_idx|incidents_open_idx/g;

const literal = (v: unknown) =>
  v === null || v === undefined ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`;

function terminalCompletion(): StepWrites {
  const current = {
    id: '7d3c9a52-8f0e-4a57-9d2e-1c4b6f0a9e11',
    version: 3,
  } as InstanceRow;
  return {
    instance: { update: { current, patch: { status: 'completed', snapshot: { value: '$done' } } } },
    ...emptyWrites(new Date('2026-12-03T08:00:00Z')),
    closeTasks: [{ taskKey: 'review#1', status: 'completed', by: 'reviewer' }],
    cancelTimers: ['remind#1'],
    cancelJobs: ['notify#1'],
    closeSubscriptions: ['supplement#1'],
    resolveIncidents: ['review#1'],
    terminal: true,
    deleteRows: [
      { table: 'form_drafts', match: { kind: 'task', ref: 'a6f1c1de-0f55-4c8e-8e7a-4f4b3e2d1c00' } },
    ],
  };
}

describe.each(testDbKinds())('step statement plan (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('given the generic plan a prepared step gets after five runs, when it closes an instance, then no partial index of open work is walked', async () => {
    // given: the statement a terminal completion writes, planned generically (as a named statement is from its
    // sixth run on, whatever the tables held then)
    const { text, values } = buildStepStatement(terminalCompletion());
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('set local plan_cache_mode = force_generic_plan'));
      await tx.execute(sql.raw(`prepare huiliu_plan_probe as ${text}`));
      // when
      const res = await tx.execute(
        sql.raw(`explain execute huiliu_plan_probe(${values.map(literal).join(', ')})`),
      );
      await tx.execute(sql.raw('deallocate huiliu_plan_probe'));
      const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<string, string>[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    // then: each table's rows of this instance come from its (instance_id, …) index, never from a walk of every
    // open task, due timer or ready job filtered by instance
    expect(plan).toMatch(/user_tasks_instance_key_uq/);
    expect(plan.match(PARTIAL_OPEN_INDEXES) ?? []).toEqual([]);
  });
});
