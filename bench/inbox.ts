/**
 * @module `npm run bench:inbox [-- --json] [--explain]`: seeds 1M user-task rows (100k open, 60 units, 200k instances)
 * into a fresh PostgreSQL database on DATABASE_URL and times the task-list query (the runtime's own `listTaskRows`,
 * page 1 of 20 with the total) for a unit user and a county-wide user. Target: p95 < 10 ms for the unit user.
 */
import { sql } from 'drizzle-orm';
import { accessScope } from '../engine/runtime';
import { rolePolicy } from '../identity/roles';
import { listTaskRows, newestFirst, type TaskListQuery, taskListWhere, userTasks } from '../engine/store';
import pg from 'pg';
import { openDatabase } from '../platform/db/open-db';
import { openTestDatabase } from '../platform/db/testing';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const explain = args.includes('--explain');
if (!process.env.DATABASE_URL) {
  console.error('bench:inbox needs DATABASE_URL (a PostgreSQL server; see docs/architecture.md)');
  process.exit(2);
}
// --keep: seed once into huiliu_bench_inbox and reuse it on later runs (for tuning); default: a fresh database, dropped.
const keep = args.includes('--keep');
const database = keep ? await openKept() : await openTestDatabase('postgres');
const db = database.db;

async function openKept() {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'huiliu_bench_inbox'`);
  if (exists.rowCount === 0) await admin.query('create database huiliu_bench_inbox');
  await admin.end();
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = '/huiliu_bench_inbox';
  return openDatabase({ databaseUrl: url.toString() });
}
const log = (s: string) => asJson || console.error(s);

const t0 = performance.now();
const already = (await db.execute(sql`select count(*)::int as n from user_tasks`)) as unknown as {
  rows: { n: number }[];
};
if (already.rows[0].n === 0) await seed();
async function seed() {
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
}
const counts = (await db.execute(
  sql`select count(*)::int as total, count(*) filter (where status = 'open')::int as open from user_tasks`,
)) as unknown as {
  rows: { total: number; open: number }[];
};
const seeded = counts.rows[0];
log(
  `${already.rows[0].n === 0 ? 'seeded' : 'reused'} ${seeded.total} tasks (${seeded.open} open) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const unitLeader = { username: 'U7.leader1', unitId: 'U7', roles: ['unit.leader'] };
const reviewer = { username: 'auth.reviewer', unitId: 'AUTH', roles: ['authority.reviewer'] };
const cases: [string, Omit<TaskListQuery, 'now'>][] = [
  ['unit user, scope=all', { access: accessScope(unitLeader, rolePolicy), scope: 'all' }],
  ['unit user, scope=group', { access: accessScope(unitLeader, rolePolicy), scope: 'group' }],
  ['unit user, scope=mine', { access: accessScope(unitLeader, rolePolicy), scope: 'mine' }],
  ['unit user, overdue', { access: accessScope(unitLeader, rolePolicy), scope: 'all', overdue: true }],
  ['county-wide reviewer, scope=all', { access: accessScope(reviewer, rolePolicy), scope: 'all' }],
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
  // Server-side execution time of the same two statements (page + count), free of client scheduling noise.
  const server: number[] = [];
  for (let i = 0; i < 50; i++) {
    const where = taskListWhere({ ...q, now: new Date() });
    let ms = 0;
    for (const stmt of [
      db.select().from(userTasks).where(where).orderBy(newestFirst).limit(20),
      db.select({ n: sql`count(*)` }).from(userTasks).where(where),
    ]) {
      const { sql: text, params } = stmt.toSQL();
      const plan = (await db.execute(
        sql.raw(`explain (analyze, format json) ${inline(text, params)}`),
      )) as unknown as { rows: { 'QUERY PLAN': [{ 'Execution Time': number }] }[] };
      ms += plan.rows[0]['QUERY PLAN'][0]['Execution Time'];
    }
    server.push(ms);
  }
  times.sort((a, b) => a - b);
  server.sort((a, b) => a - b);
  const p = (xs: number[], x: number) => Number(xs[Math.floor(xs.length * x)].toFixed(2));
  results.push({
    case: name,
    matching: total,
    p50: p(times, 0.5),
    p95: p(times, 0.95),
    p99: p(times, 0.99),
    serverP50: p(server, 0.5),
    serverP95: p(server, 0.95),
  });
}
/** Inlines bind parameters as literals (bench-only, our own values) so EXPLAIN can run the statement. */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n) => {
    const v = params[Number(n) - 1];
    return typeof v === 'number'
      ? String(v)
      : `'${String(v instanceof Date ? v.toISOString() : v).replace(/'/g, "''")}'`;
  });
}

if (explain) {
  const keys = accessScope(unitLeader, rolePolicy).keys;
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
  console.log(
    '  (client = round trip through drizzle incl. scheduling; server = EXPLAIN ANALYZE of page + count)',
  );
  for (const r of results) {
    const head = `  ${String(r.case).padEnd(32)} matching ${String(r.matching).padStart(6)}`;
    console.log(
      `${head}  client p50 ${r.p50} p95 ${r.p95} p99 ${r.p99}  server p50 ${r.serverP50} p95 ${r.serverP95}`,
    );
  }
}
