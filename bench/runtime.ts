/**
 * @module `npm run bench:runtime [-- --json] [--instances 400]`: the approval flow (/work/shared/bench/approval.bpmn,
 * copied in engine/runtime/testing) through the runtime API at 1 and 8 concurrent drivers, on DATABASE_URL (a fresh
 * database, dropped after) or PGlite; in the same run and pool a raw step-shaped transaction (update a jsonb row with
 * a version check + insert a history row) gives the ceiling, and our steps/s is printed as a ratio of it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { defaultCalendar } from '../engine/calendar';
import { systemClock } from '../platform/clock';
import { createRuntime } from '../engine/runtime';
import { rolePolicy } from '../identity/roles';
import { approvalXml } from '../engine/runtime/testing/fixtures';
import { historyEvents, processInstances } from '../engine/store';
import { openTestDatabase } from '../platform/db/testing';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const perLevel = Number(flag('instances') ?? (kind === 'postgres' ? 400 : 100));
const levels = (flag('drivers') ?? '1,8').split(',').map(Number);

const database = await openTestDatabase(kind);
const db = database.db;
const runtime = createRuntime({
  database,
  clock: systemClock,
  calendar: defaultCalendar,
  roles: rolePolicy,
  workers: { publish: async () => ({ variables: { published: true } }) },
});
await runtime.deployResources({ resources: [{ name: 'approval.bpmn', content: approvalXml }] });
const cataloguer = { username: 'bench.cat', unitId: 'U1', roles: ['unit.cataloguer'] };
const reviewer = { username: 'bench.rev', unitId: 'AUTH', roles: ['authority.reviewer'] };

/** One instance through the flow: 6 steps (start, 4 task completions, the publish job). Each completion answers
 * with the tasks it opened (the start too), so the driver never looks a task up, as a client of the API would not. */
async function oneInstance(): Promise<number> {
  const inst = await runtime.startInstance({ processKey: 'approval', user: cataloguer });
  const next = (r: { openedTasks: { id: string; elementId: string }[] }, elementId: string) => {
    const t = r.openedTasks.find((o) => o.elementId === elementId);
    if (!t) throw new Error(`${elementId} did not open`);
    return t.id;
  };
  const fill = await runtime.completeUserTask({
    taskId: next(inst, 'fill'),
    user: cataloguer,
  });
  const review = await runtime.completeUserTask({
    taskId: next(fill, 'review'),
    variables: { approved: true },
    user: reviewer,
  });
  await runtime.completeUserTask({ taskId: next(review, 'legalCheck'), user: reviewer });
  await runtime.completeUserTask({ taskId: next(review, 'securityCheck'), user: reviewer });
  await runtime.runDueJobs();
  return 6;
}

async function drive(
  drivers: number,
  total: number,
  unit: () => Promise<number>,
): Promise<{ units: number; ops: number; seconds: number }> {
  let next = 0;
  let ops = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: drivers }, async () => {
      while (next < total) {
        next++;
        const n = await unit();
        ops += n;
      }
    }),
  );
  return { units: total, ops, seconds: (performance.now() - t0) / 1000 };
}

/** The ceiling: what one "step" costs when it is nothing but its two writes in a transaction. */
async function rawSteps(drivers: number, total: number) {
  const rows = await db
    .insert(processInstances)
    .values(
      Array.from({ length: drivers }, () => ({
        definitionId: sql`(select id from process_definitions limit 1)`,
        processKey: 'raw',
        definitionVersion: 1,
        snapshot: { value: 'x', context: { vars: { n: 0 } } },
        status: 'active' as const,
        startedAt: new Date(),
      })),
    )
    .returning({ id: processInstances.id });
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    rows.map(async ({ id }) => {
      let version = 1;
      while (next < total) {
        next++;
        await db.transaction(async (tx) => {
          const done = await tx
            .update(processInstances)
            .set({ snapshot: { value: 'x', context: { vars: { n: version } } }, version: version + 1 })
            .where(and(eq(processInstances.id, id), eq(processInstances.version, version)))
            .returning({ v: processInstances.version });
          if (done.length !== 1) throw new Error('raw step lost its own race');
          await tx.insert(historyEvents).values({ instanceId: id, at: new Date(), type: 'raw.step' });
        });
        version++;
      }
    }),
  );
  return { ops: total, seconds: (performance.now() - t0) / 1000 };
}

const results: Record<string, unknown>[] = [];
await drive(2, Math.min(20, perLevel), oneInstance); // warm-up: JIT, definition cache, pool connections
for (const drivers of levels) {
  const cpu0 = process.cpuUsage();
  const ours = await drive(drivers, perLevel, oneInstance);
  const cpu = process.cpuUsage(cpu0);
  const nodeCpuPerStepMs = (cpu.user + cpu.system) / 1000 / ours.ops;
  const raw = await rawSteps(drivers, ours.ops);
  const stepsPerSec = ours.ops / ours.seconds;
  const rawPerSec = raw.ops / raw.seconds;
  results.push({
    database: kind,
    drivers,
    instances: ours.units,
    steps: ours.ops,
    stepsPerSec: Math.round(stepsPerSec),
    instancesPerSec: Math.round(ours.units / ours.seconds),
    rawStepsPerSec: Math.round(rawPerSec),
    ratio: Number((stepsPerSec / rawPerSec).toFixed(2)),
    nodeCpuPerStepMs: Number(nodeCpuPerStepMs.toFixed(2)),
    nodeCpuShare: Number(((nodeCpuPerStepMs * ours.ops) / 1000 / ours.seconds).toFixed(2)),
  });
}
const done = await db
  .select({ n: sql<number>`count(*)`.mapWith(Number) })
  .from(processInstances)
  .where(eq(processInstances.status, 'completed'));
await database.close();

if (asJson)
  console.log(JSON.stringify({ bench: 'runtime', results, completedInstances: done[0].n }, null, 2));
else {
  console.log(
    `runtime bench on ${kind} (approval flow, 6 steps per instance; ratio = our steps/s ÷ raw step-shaped tx/s)`,
  );
  for (const r of results) {
    console.log(
      `  ${String(r.drivers).padStart(2)} driver(s): ${r.instances} instances, ${r.stepsPerSec} steps/s (${r.instancesPerSec} inst/s); raw ${r.rawStepsPerSec} tx/s; ratio ${Math.round(Number(r.ratio) * 100)}%; node CPU ${r.nodeCpuPerStepMs} ms/step (${Math.round(Number(r.nodeCpuShare) * 100)}% of a core)`,
    );
  }
}
