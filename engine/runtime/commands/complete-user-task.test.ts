/**
 * @module completeUserTask's caller hooks on both databases: `accept` sees the row the completion read (no read of
 * its own) and may refuse, `deleteRows` goes with the step's statement: deleted exactly when the step is written.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../../platform/db/testing';
import { AppError } from '../../../platform/errors';
import { emptyWrites, loadInstance, writeStep } from '../../store';
import { oneTaskXml } from '../testing/fixtures';
import { codeOf, testRuntime, users } from '../testing/harness';

describe.each(testDbKinds())('completeUserTask hooks on %s', (kind) => {
  let database: Database;
  let rt: ReturnType<typeof testRuntime>['runtime'];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ runtime: rt } = testRuntime(database));
    await rt.deployResources({
      resources: [{ name: 'one.bpmn', content: oneTaskXml('hooks', 'approve', 'authority.reviewer') }],
    });
    // A table of the caller's own, as the server's form_drafts is to the engine.
    await database.db.execute(sql`create table caller_rows (kind text not null, ref text not null)`);
  });
  afterAll(async () => database?.close());

  const openTask = async () => {
    const inst = await rt.startInstance({
      processKey: 'hooks',
      user: users.reviewer,
      variables: { level: 1 },
    });
    const { items } = await rt.listTasks({ user: users.reviewer, scope: 'all', processInstanceId: inst.id });
    return { instanceId: inst.id, taskId: items[0].id };
  };
  const rowsFor = async (ref: string) => {
    const result = await database.db.execute(
      sql`select count(*)::int as n from caller_rows where ref = ${ref}`,
    );
    return Number((result as unknown as { rows: { n: number }[] }).rows[0].n);
  };
  const addRows = (ref: string) =>
    database.db.execute(
      sql`insert into caller_rows (kind, ref) values ('task', ${ref}), ('task', ${ref}), ('start', ${ref})`,
    );

  it('given a task with caller rows, when it is completed, then exactly the matching rows go with the step', async () => {
    // given
    const { taskId } = await openTask();
    await addRows(taskId);
    // when
    const done = await rt.completeUserTask({
      taskId,
      user: users.reviewer,
      variables: { ok: true },
      deleteRows: [{ table: 'caller_rows', match: { kind: 'task', ref: taskId } }],
    });
    // then
    expect(done.task.status).toBe('completed');
    expect(await rowsFor(taskId)).toBe(1);
  });

  it('given a completed task, when it is completed again, then 409 and its caller rows stay', async () => {
    const { taskId } = await openTask();
    await rt.completeUserTask({ taskId, user: users.reviewer, variables: {} });
    await addRows(taskId);
    const code = await codeOf(() =>
      rt.completeUserTask({
        taskId,
        user: users.reviewer,
        deleteRows: [{ table: 'caller_rows', match: { kind: 'task', ref: taskId } }],
      }),
    );
    expect(code).toBe('CONFLICT');
    expect(await rowsFor(taskId)).toBe(3);
  });

  it('given a step written against a stale version, then neither the instance nor the caller rows change', async () => {
    // given: an instance whose version moved on after it was read
    const { instanceId } = await openTask();
    const read = await loadInstance(database.db, instanceId);
    if (!read) throw new Error('no instance');
    await writeStep(database.db, {
      ...emptyWrites(new Date()),
      instance: { update: { current: read, patch: { status: 'active' } } },
    });
    await addRows(instanceId);
    // when
    const written = await writeStep(database.db, {
      ...emptyWrites(new Date()),
      instance: { update: { current: read, patch: { status: 'cancelled' } } },
      deleteRows: [{ table: 'caller_rows', match: { kind: 'task', ref: instanceId } }],
    });
    // then
    expect(written).toBe(false);
    expect(await rowsFor(instanceId)).toBe(3);
    expect((await loadInstance(database.db, instanceId))?.status).toBe('active');
  });

  it('given a name that is not a plain SQL name, then the write is refused before it reaches the database', async () => {
    const { instanceId } = await openTask();
    const read = await loadInstance(database.db, instanceId);
    if (!read) throw new Error('no instance');
    await expect(
      writeStep(database.db, {
        ...emptyWrites(new Date()),
        instance: { update: { current: read, patch: {} } },
        deleteRows: [{ table: 'caller_rows; drop table caller_rows', match: { ref: 'x' } }],
      }),
    ).rejects.toThrow(/plain SQL name/);
  });

  it('given an accept hook, then it sees the task, its instance and headers, and its refusal writes nothing', async () => {
    const { instanceId, taskId } = await openTask();
    await addRows(taskId);
    let seen: { taskId: string; level: unknown; headers: object } | undefined;
    const code = await codeOf(() =>
      rt.completeUserTask({
        taskId,
        user: users.reviewer,
        variables: { level: 2 },
        deleteRows: [{ table: 'caller_rows', match: { kind: 'task', ref: taskId } }],
        accept: ({ task, instance, headers }) => {
          seen = { taskId: task.id, level: instance.variables?.level, headers };
          throw new AppError('VALIDATION_FAILED', '本环节不能修改以下字段：level');
        },
      }),
    );
    expect(code).toBe('VALIDATION_FAILED');
    expect(seen).toEqual({ taskId, level: 1, headers: {} });
    expect(await rowsFor(taskId)).toBe(3);
    expect((await loadInstance(database.db, instanceId))?.status).toBe('active');
    // and what accept returns is what the step writes
    await rt.completeUserTask({
      taskId,
      user: users.reviewer,
      variables: { level: 2 },
      accept: () => ({ level: 3 }),
    });
    expect((await loadInstance(database.db, instanceId))?.variables?.level).toBe(3);
  });
});
