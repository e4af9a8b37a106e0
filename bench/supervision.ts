/**
 * @module `npm run bench:supervision [-- --json] [--problems 50000] [--tasks 20000]`: the supervisor's queries at
 * county scale — per-unit statistics for a month, the overdue list and the bulletin workbook — over bulk-loaded
 * problem rows, catalog events and open tasks. Uses DATABASE_URL (a fresh database is NOT created: point it at a
 * scratch one) or a temporary embedded PGlite. Prints the median of 5 runs each; with --json the last line is JSON.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultCalendar } from '../engine/calendar';
import { deployments, processDefinitions, processInstances, userTasks } from '../engine/store/schema';
import { openDatabase } from '../server/db/open-db';
import { COUNTY_UNITS } from '../server/identity/county-units';
import { seedUnits } from '../server/identity/seed';
import { catalogEvents } from '../workflows/catalog/schema';
import { problems } from '../workflows/problems/schema';
import { buildBulletinWorkbook, computeStats, listOverdue } from '../workflows/supervision';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const asJson = args.includes('--json');
const N_PROBLEMS = flag('problems', 50_000);
const N_TASKS = flag('tasks', 20_000);
const now = new Date('2026-11-20T10:00:00+08:00');
const YEAR_START = new Date('2026-01-01T00:00:00+08:00').getTime();
const SPAN = now.getTime() - YEAR_START;

const dir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), 'huiliu-bench-sup-'));
const database = await openDatabase(dir ? { dataDir: dir } : { databaseUrl: process.env.DATABASE_URL });
const db = database.db;
await seedUnits(db);
const unitIds = COUNTY_UNITS.filter((u) => u.kind !== 'authority').map((u) => u.id);
const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length];
const at = (i: number, n: number) => new Date(YEAR_START + Math.floor((SPAN * i) / n));

async function chunks<T>(n: number, make: (i: number) => T, insert: (rows: T[]) => Promise<unknown>) {
  for (let i = 0; i < n; i += 1000)
    await insert(Array.from({ length: Math.min(1000, n - i) }, (_, k) => make(i + k)));
}

const t0 = performance.now();
await chunks(
  N_PROBLEMS,
  (i) => {
    const receivedAt = at(i, N_PROBLEMS);
    const open = i % 10 === 0;
    const fixedAt = new Date(receivedAt.getTime() + ((i % 9) + 1) * 86_400_000);
    return {
      instanceId: randomUUID(),
      entryId: randomUUID(),
      entryCode: `B-${i}`,
      sourceUnitId: pick(unitIds, i),
      problemType: 'error' as const,
      description: 'bench',
      receivedAt,
      status: open ? ('rectifying' as const) : ('archived' as const),
      dueAt: new Date(receivedAt.getTime() + 7 * 86_400_000),
      rectifiedAt: open ? null : fixedAt,
      closedAt: open ? null : new Date(fixedAt.getTime() + 86_400_000),
      onTime: open ? null : i % 9 < 6,
      rounds: 1 + (i % 4 === 0 ? 1 : 0),
      outcome: open ? null : ('archived' as const),
    };
  },
  (rows) => db.insert(problems).values(rows),
);
await chunks(
  N_PROBLEMS,
  (i) => ({
    unitId: pick(unitIds, i),
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
      unitId: pick(unitIds, i),
      startedAt: at(i, N_TASKS),
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
    unitId: pick(unitIds, i),
    processKey: 'data-problem',
    dueAt: new Date(at(i, N_TASKS).getTime() + 7 * 86_400_000),
  }),
  (rows) => db.insert(userTasks).values(rows),
);
const loadMs = performance.now() - t0;

async function median(fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  return Math.round(times.sort((a, b) => a - b)[2] * 10) / 10;
}

const period = { from: '2026-10-01', to: '2026-10-31' };
const stats = await computeStats(db, defaultCalendar, period, now);
const overdue = await listOverdue(db, defaultCalendar, now);
const result = {
  problems: N_PROBLEMS,
  openTasks: N_TASKS,
  driver: database.kind,
  loadSeconds: Math.round(loadMs / 100) / 10,
  statsMonthMs: await median(() => computeStats(db, defaultCalendar, period, now)),
  statsYearMs: await median(() =>
    computeStats(db, defaultCalendar, { from: '2026-01-01', to: '2026-12-31' }, now),
  ),
  overdueListMs: await median(() => listOverdue(db, defaultCalendar, now)),
  overdueItems: overdue.length,
  workbookMs: await median(() => buildBulletinWorkbook(stats, overdue, period, now)),
  workbookBytes: (await buildBulletinWorkbook(stats, overdue, period, now)).length,
};
await database.close();
if (dir) rmSync(dir, { recursive: true, force: true });
if (!asJson) {
  console.log(
    `supervision bench (${result.driver}): ${N_PROBLEMS} problems + events, ${N_TASKS} open tasks, loaded in ${result.loadSeconds}s`,
  );
  console.log(`  stats, one month: ${result.statsMonthMs} ms; one year: ${result.statsYearMs} ms`);
  console.log(`  overdue list: ${result.overdueListMs} ms (${result.overdueItems} items, capped at 1000)`);
  console.log(`  bulletin workbook: ${result.workbookMs} ms, ${result.workbookBytes} bytes`);
}
console.log(JSON.stringify(result));
