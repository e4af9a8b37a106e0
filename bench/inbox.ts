/**
 * @module `npm run bench:inbox [-- --json] [--explain]`: seeds 1M user-task rows (100k open, 60 units, 200k instances)
 * into a fresh PostgreSQL database on DATABASE_URL and times the task-list query (the runtime's own `listTaskRows`,
 * page 1 of 20 with the total) for a unit user and a county-wide user. Target: p95 < 10 ms for the unit user.
 */
import { sql } from 'drizzle-orm';
import { accessScope } from '../engine/runtime';
import { listTaskRows, type TaskListQuery } from '../engine/store';
import { openTestDatabase } from '../server/db/testing';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const explain = args.includes('--explain');
if (!process.env.DATABASE_URL) {
  console.error('bench:inbox needs DATABASE_URL (a PostgreSQL server; see POSTGRES.md)');
  process.exit(2);
}
const database = await openTestDatabase('postgres');
const db = database.db;
const log = (s: string) => asJson || console.error(s);

const t0 = performance.now();
await db.execute(sql`select setseed(0.42)`);
await db.execute(
  sql`insert into deployments (id, name) values ('00000000-0000-0000-0000-000000000001', 'bench')`,
);
await db.execute(sql`insert into process_definitions (id, key, version, xml, compiled, checksum, deployment_id)
  values ('00000000-0000-0000-0000-000000000002', 'bench', 1, '', '{}', 'x', '00000000-0000-0000-0000-000000000001')`);
await db.execute(sql`insert into process_instances (definition_id, process_key, definition_version, snapshot, status, unit_id, started_at)
  select '00000000-0000-0000-0000-000000000002', 'bench', 1, '{}'::jsonb, 'active', 'U' || (g % 60), now() - make_interval(secs => g * 30)
  from generate_series(1, 200000) g`);
// 5 tasks per instance; 10% open; roles spread over unit and county-wide ones; a third of open tasks claimed.
// A hash of (instance, k) drives the spread, so the data is the same on every run.
await db.execute(sql`insert into user_tasks (instance_id, element_id, task_key, activation, name, candidate_groups, access_keys, unit_id, status, assignee, process_key, created_at)
  select id, 'el' || k, 'el' || k || '#1', 1, '任务' || k, array[role],
    array[case when role like 'authority.%' then role else role || '@' || unit_id end], unit_id,
    case when open then 'open' else 'completed' end,
    case when open and (h / 71) % 3 = 0 then unit_id || '.' || split_part(role, '.', 2) || ((h / 7) % 3) else null end,
    'bench', started_at + make_interval(secs => k * 60)
  from (
    select i.id, i.unit_id, i.started_at, k, h,
      (array['unit.cataloguer','unit.leader','unit.rectifier','unit.feedback','authority.reviewer','authority.governance'])[1 + h % 6] as role,
      (h / 6) % 10 = 0 as open
    from process_instances i cross join generate_series(1, 5) k
    cross join lateral (select abs(hashtext(i.id::text || k::text)) as h) hh
  ) x`);
await db.execute(sql`analyze user_tasks`);
const counts = (await db.execute(
  sql`select count(*)::int as total, count(*) filter (where status = 'open')::int as open from user_tasks`,
)) as unknown as {
  rows: { total: number; open: number }[];
};
const seeded = counts.rows[0];
log(
  `seeded ${seeded.total} tasks (${seeded.open} open) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const unitLeader = { username: 'U7.leader1', unitId: 'U7', roles: ['unit.leader'] };
const reviewer = { username: 'auth.reviewer', unitId: 'AUTH', roles: ['authority.reviewer'] };
const cases: [string, Omit<TaskListQuery, 'now'>][] = [
  ['unit user, scope=all', { access: accessScope(unitLeader), scope: 'all' }],
  ['unit user, scope=group', { access: accessScope(unitLeader), scope: 'group' }],
  ['unit user, scope=mine', { access: accessScope(unitLeader), scope: 'mine' }],
  ['unit user, overdue', { access: accessScope(unitLeader), scope: 'all', overdue: true }],
  ['county-wide reviewer, scope=all', { access: accessScope(reviewer), scope: 'all' }],
];
const results: Record<string, unknown>[] = [];
for (const [name, q] of cases) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 220; i++) {
    const s = performance.now();
    const r = await listTaskRows(db, { ...q, now: new Date(), page: 1 + (i % 3), pageSize: 20 });
    if (i >= 20) times.push(performance.now() - s); // the first 20 warm the cache
    total = r.total;
  }
  times.sort((a, b) => a - b);
  const p = (x: number) => Number(times[Math.floor(times.length * x)].toFixed(2));
  results.push({ case: name, matching: total, p50: p(0.5), p95: p(0.95), p99: p(0.99) });
}
if (explain) {
  const keys = accessScope(unitLeader).keys;
  const where = sql`status = 'open' and (assignee = 'U7.leader1' or access_keys && ${sql.raw(`array['${keys.join("','")}']`)})`;
  const plan = (await db.execute(
    sql`explain analyze select *, count(*) over() from user_tasks where ${where} order by created_at desc, id desc limit 20`,
  )) as unknown as { rows: Record<string, string>[] };
  console.error(plan.rows.map((r) => Object.values(r)[0]).join('\n'));
}
await database.close();

if (asJson) console.log(JSON.stringify({ bench: 'inbox', seeded, results }, null, 2));
else {
  console.log(
    `inbox bench on PostgreSQL: ${seeded.total} tasks, ${seeded.open} open, 60 units; list page of 20 with total (ms)`,
  );
  for (const r of results)
    console.log(
      `  ${String(r.case).padEnd(34)} matching ${String(r.matching).padStart(6)}  p50 ${r.p50}  p95 ${r.p95}  p99 ${r.p99}`,
    );
}
