/**
 * @module `npm run bench:supervision [-- --json] [--problems 200000] [--units 60] [--tasks 20000] [--runs 5] [--keep] [--no-vacuum]`: the
 * supervisor's queries at the scale of issue #6 — 200k problems across 60 units over two years — timing per-unit
 * statistics for a month and for a year, the overdue list and the bulletin export (targets: year < 200 ms, overdue
 * < 100 ms, export < 3 s). With DATABASE_URL it creates its own database `huiliu_bench_supervision_<pid>` on that
 * server and drops it at the end; without, a temporary embedded PGlite. Prints medians; with --json the last line
 * is JSON.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { defaultCalendar } from '../engine/calendar';
import { deployments, processDefinitions, processInstances, userTasks } from '../engine/store/schema';
import { type Database, openDatabase } from '../platform/db/open-db';
import { scratchDatabase } from '../platform/db/testing';
import { EXAMPLE_UNITS } from '../identity/county-units';
import { units } from '../identity/schema';
import { seedExampleUnits } from '../identity/seed';
import { catalogEvents } from '../workflows/catalog/schema';
import { problems, refreshProblemWorkdays } from '../workflows/problems';
import {
  buildBulletinWorkbook,
  bulletinWorkbookForPeriod,
  computeStats,
  listOverdue,
} from '../workflows/supervision';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const asJson = args.includes('--json');
const N_PROBLEMS = flag('problems', 200_000);
const N_UNITS = flag('units', 60);
const N_TASKS = flag('tasks', 20_000);
const RUNS = flag('runs', 5);
/** Leave the scratch PostgreSQL database in place (to EXPLAIN the queries); it is named on the console. */
const KEEP = args.includes('--keep');
/** Skip the VACUUM ANALYZE after loading: time the queries on a database autovacuum has not reached yet. */
const NO_VACUUM = args.includes('--no-vacuum');
const now = new Date('2026-11-20T10:00:00+08:00');
const SPAN_START = new Date('2024-11-21T00:00:00+08:00').getTime(); // two years up to `now`
const SPAN = now.getTime() - SPAN_START;
const DAY = 86_400_000;

/** A scratch database of its own on the server of DATABASE_URL, or a temporary PGlite folder. */
async function openScratch(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-bench-sup-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await scratchDatabase(base, 'huiliu_bench_supervision');
  const database = await openDatabase({ databaseUrl: scratch.url });
  const drop = async () => {
    if (KEEP) console.error(`kept database ${scratch.name}`);
    else await scratch.drop();
  };
  return { database, drop };
}

/** Deterministic pseudo-random numbers, so every run loads the same data. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

async function chunks<T>(n: number, make: (i: number) => T, insert: (rows: T[]) => Promise<unknown>) {
  for (let i = 0; i < n; i += 1000)
    await insert(Array.from({ length: Math.min(1000, n - i) }, (_, k) => make(i + k)));
}

async function median(fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] * 10) / 10;
}

async function seed(db: Database['db']): Promise<string[]> {
  await seedExampleUnits(db);
  const county = EXAMPLE_UNITS.filter((u) => u.kind !== 'authority').map((u) => u.id);
  // The county has fewer units than the 60: synthetic towns fill up the rest.
  const extra = Array.from({ length: Math.max(0, N_UNITS - county.length) }, (_, i) => ({
    id: `bench-${i + 1}`,
    name: `基准测试乡镇${i + 1}`,
    kind: 'town' as const,
    sortOrder: 1000 + i,
  }));
  if (extra.length) await db.insert(units).values(extra);
  const unitIds = [...county, ...extra.map((u) => u.id)].slice(0, N_UNITS);
  const rnd = lcg(6);
  const at = (i: number, n: number) => new Date(SPAN_START + Math.floor((SPAN * i) / n));
  await chunks(
    N_PROBLEMS,
    (i) => {
      const receivedAt = new Date(at(i, N_PROBLEMS).getTime() + Math.floor(rnd() * 8 * 3_600_000));
      const dueAt = new Date(receivedAt.getTime() + 7 * DAY);
      const open = rnd() < 0.1;
      const fixedAt = new Date(receivedAt.getTime() + Math.floor((1 + rnd() * 14) * DAY));
      const rounds = rnd() < 0.2 ? 2 : 1;
      return {
        instanceId: randomUUID(),
        entryId: randomUUID(),
        entryCode: `B-${i}`,
        sourceUnitId: unitIds[Math.floor(rnd() * unitIds.length)],
        problemType: 'error' as const,
        description: 'bench',
        receivedAt,
        status: open ? ('rectifying' as const) : ('archived' as const),
        dueAt,
        rectifiedAt: open ? null : fixedAt,
        firstRectifiedAt: open ? null : fixedAt,
        closedAt: open ? null : new Date(fixedAt.getTime() + DAY),
        onTime: open ? null : fixedAt <= dueAt && rounds === 1,
        rounds,
        outcome: open ? null : ('archived' as const),
      };
    },
    (rows) => db.insert(problems).values(rows),
  );
  await chunks(
    N_PROBLEMS,
    (i) => ({
      unitId: unitIds[Math.floor(rnd() * unitIds.length)],
      processKey: 'catalog-registration',
      kind: (['registered', 'changed', 'returned'] as const)[i % 3],
      at: at(i, N_PROBLEMS),
    }),
    (rows) => db.insert(catalogEvents).values(rows),
  );
  const [dep] = await db.insert(deployments).values({ name: 'bench' }).returning();
  const [def] = await db
    .insert(processDefinitions)
    .values({
      key: 'data-problem',
      version: 1,
      xml: '<bench/>',
      compiled: {
        processId: 'data-problem',
        machine: {},
        info: { userTasks: [], timerStarts: [], messageStarts: [], calledProcessIds: [] },
      },
      checksum: 'bench',
      deploymentId: dep.id,
    })
    .returning();
  const instanceIds: string[] = [];
  // Open tasks over the last three months, so about a third are not yet due.
  const taskAt = (i: number) => new Date(now.getTime() - 90 * DAY + Math.floor((90 * DAY * i) / N_TASKS));
  await chunks(
    N_TASKS,
    (i) => {
      const id = randomUUID();
      instanceIds.push(id);
      return {
        id,
        definitionId: def.id,
        processKey: 'data-problem',
        definitionVersion: 1,
        snapshot: {},
        status: 'active' as const,
        unitId: unitIds[i % unitIds.length],
        startedAt: taskAt(i),
      };
    },
    (rows) => db.insert(processInstances).values(rows),
  );
  await chunks(
    N_TASKS,
    (i) => ({
      instanceId: instanceIds[i],
      elementId: 'rectify',
      taskKey: 'rectify#1',
      activation: 1,
      name: '整改反馈',
      unitId: i % 5 === 0 ? null : unitIds[i % unitIds.length],
      processKey: 'data-problem',
      businessKey: `WT-${i}`,
      createdAt: taskAt(i),
      dueAt: new Date(taskAt(i).getTime() + 60 * DAY),
    }),
    (rows) => db.insert(userTasks).values(rows),
  );
  return unitIds;
}

const { database, drop } = await openScratch();
try {
  const db = database.db;
  const t0 = performance.now();
  const unitIds = await seed(db);
  const loadMs = performance.now() - t0;
  // Rows loaded in bulk carry no stored working days: the same backfill the migration's rows get fills them in.
  const t1 = performance.now();
  const backfilled = await refreshProblemWorkdays(db, defaultCalendar);
  const backfillMs = performance.now() - t1;
  // A database in service is vacuumed and analysed by autovacuum; a freshly bulk-loaded one is not yet.
  if (database.kind === 'postgres' && !NO_VACUUM) await db.execute(sql`vacuum analyze`);
  const month = { from: '2026-10-01', to: '2026-10-31' };
  const year = { from: '2026-01-01', to: '2026-12-31' };
  const stats = await computeStats(db, defaultCalendar, month, now);
  const overdue = await listOverdue(db, defaultCalendar, now);
  const result = {
    problems: N_PROBLEMS,
    units: N_UNITS,
    openTasks: N_TASKS,
    driver: database.kind,
    loadSeconds: Math.round(loadMs / 100) / 10,
    backfillMs: Math.round(backfillMs),
    backfilled,
    statsMonthMs: await median(() => computeStats(db, defaultCalendar, month, now)),
    statsYearMs: await median(() => computeStats(db, defaultCalendar, year, now)),
    overdueListMs: await median(() => listOverdue(db, defaultCalendar, now)),
    overdueItems: overdue.length,
    overdueOneUnitMs: await median(() => listOverdue(db, defaultCalendar, now, { unitId: unitIds[0] })),
    workbookMs: await median(() => buildBulletinWorkbook(stats, overdue, month, now)),
    bulletinExportMs: await median(() => bulletinWorkbookForPeriod(db, defaultCalendar, month, now)),
    bulletinBytes: (await bulletinWorkbookForPeriod(db, defaultCalendar, month, now)).length,
  };
  if (!asJson) {
    console.log(
      `supervision bench (${result.driver}): ${N_PROBLEMS} problems over two years across ${N_UNITS} units + as many catalog events, ${N_TASKS} open tasks; loaded in ${result.loadSeconds}s, working days backfilled for ${backfilled} rows in ${result.backfillMs} ms`,
    );
    console.log(
      `  stats, one month: ${result.statsMonthMs} ms; one year: ${result.statsYearMs} ms (target < 200 ms)`,
    );
    console.log(
      `  overdue list: ${result.overdueListMs} ms (${result.overdueItems} items, capped at 1000; target < 100 ms); one unit's: ${result.overdueOneUnitMs} ms`,
    );
    console.log(
      `  bulletin export (stats + overdue + workbook): ${result.bulletinExportMs} ms, ${result.bulletinBytes} bytes (target < 3 s); workbook alone ${result.workbookMs} ms`,
    );
  }
  console.log(JSON.stringify(result));
} finally {
  await database.close();
  await drop();
}
