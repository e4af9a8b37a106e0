/** @module The hot reads give exactly the rows drizzle's own reads give, on both databases. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../platform/db/testing';
import { lockJobWithInstance, readTaskWithInstance } from './hot-reads';
import { loadInstance } from './instances';
import { getJob } from './queues';
import { getTaskRow } from './tasks';

const ids = {
  deployment: '0b7f5c1e-2a44-4c52-9a0e-5d1f3b6c7a01',
  definition: '0b7f5c1e-2a44-4c52-9a0e-5d1f3b6c7a02',
  instance: '0b7f5c1e-2a44-4c52-9a0e-5d1f3b6c7a03',
  task: '0b7f5c1e-2a44-4c52-9a0e-5d1f3b6c7a04',
  job: '0b7f5c1e-2a44-4c52-9a0e-5d1f3b6c7a05',
};

describe.each(testDbKinds())('hot reads (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // given: rows with every kind of column the reads carry: microsecond timestamps, nulls, text[], nested jsonb
    // with Chinese text, integers and booleans
    const statements = `
      insert into deployments (id, name) values ('${ids.deployment}', '部署');
      insert into process_definitions (id, key, version, xml, compiled, checksum, deployment_id)
        values ('${ids.definition}', 'catalog', 3, '<x/>', '{}', 'c', '${ids.deployment}');
      insert into process_instances (id, definition_id, process_key, definition_version, snapshot, version, status,
          business_key, unit_id, started_by, parent_ref, started_at, variables, active_element_ids)
        values ('${ids.instance}', '${ids.definition}', 'catalog', 3,
          '{"value":{"review":"wait"},"context":{"vars":{"名称":"常住人口信息","n":1.5,"ok":true,"list":[1,null,"x"]}}}',
          7, 'active', 'BK-1', 'dsj', 'admin', null, '2026-12-03 08:00:00.123456+08', '{"名称":"常住人口信息"}',
          '{review,"补充 材料"}');
      insert into user_tasks (id, instance_id, element_id, task_key, activation, loop_index, name, assignee,
          candidate_groups, candidate_users, unit_id, due_at, due_provisional, priority, form_key, form_version,
          local_vars, process_key, access_keys, owner)
        values ('${ids.task}', '${ids.instance}', 'review', 'review#1', 1, null, '审核', null,
          '{authority.reviewer}', '{}', 'dsj', '2026-12-10 17:30:00.5+08', true, 60, 'catalog-review', 2,
          '{"意见":"同意"}', 'catalog', '{g:authority.reviewer,u:张三}', null);
      insert into jobs (id, instance_id, job_key, element_id, activation, type, variables, headers)
        values ('${ids.job}', '${ids.instance}', 'notify#1', 'notify', 1, 'notify', '{"a":[1,2]}', '{"h":"v"}')`;
    for (const statement of statements.split(';')) await database.db.execute(sql.raw(statement));
  });
  afterAll(() => database?.close());

  it('given a task and its instance, when read hot, then both rows equal what drizzle reads', async () => {
    // when
    const both = await readTaskWithInstance(database.db, ids.task);
    // then
    expect(both?.task).toEqual(await getTaskRow(database.db, ids.task));
    expect(both?.instance).toEqual(await loadInstance(database.db, ids.instance));
    expect(both?.task.dueAt).toBeInstanceOf(Date);
    expect(both?.instance.startedAt?.toISOString()).toBe('2026-12-03T00:00:00.123Z');
  });

  it('given a job and its instance, when locked hot, then both rows equal what drizzle reads', async () => {
    const both = await database.db.transaction((tx) => lockJobWithInstance(tx, ids.job));
    expect(both?.job).toEqual(await getJob(database.db, ids.job));
    expect(both?.instance).toEqual(await loadInstance(database.db, ids.instance));
  });

  it('given no such task, when read hot, then nothing', async () => {
    expect(await readTaskWithInstance(database.db, '0b7f5c1e-2a44-4c52-9a0e-5d1f3b6c7aff')).toBeUndefined();
  });
});
