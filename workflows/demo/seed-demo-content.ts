/**
 * @module Demo content for the embedded default: the published catalog, and a few data problems driven through the
 * real data-problem process by a runtime whose clock is set back, so one rectification is already overdue.
 */
import type { WorkdayCalendar } from '../../engine/calendar';
import { createRuntime, type FormsPort, type RuntimeUser } from '../../engine/runtime';
import type { Database } from '../../platform/db/open-db';
import { DEMO_USERS } from '../../identity/county-units';
import { rolePolicy } from '../../identity/roles';
import { findEntryByCode } from '../catalog/store';
import { createWorkflowWorkers } from '../workers';
import { DEMO_PROBLEMS } from './demo-entries';
import { seedDemoCatalog } from './seed-demo-catalog';

const user = (username: string): RuntimeUser => {
  const u = DEMO_USERS.find((d) => d.username === username);
  if (!u) throw new Error(`demo user ${username} is missing`);
  return { username: u.username, unitId: u.unitId, roles: u.roles };
};

export interface SeedDemoContentOptions {
  database: Database;
  calendar: WorkdayCalendar;
  /** The real clock's now; demo problems are reported days before it. */
  now: Date;
  /** The forms port the server's runtime uses (start forms are not validated while seeding). */
  forms?: FormsPort;
}

/**
 * Seeds once (nothing happens when the catalog already has entries). Requires the shipped workflows to be
 * deployed and the demo users to exist. Returns what it created.
 */
export async function seedDemoContent(
  opts: SeedDemoContentOptions,
): Promise<{ entries: number; problems: number }> {
  const { database, calendar } = opts;
  if (await findEntryByCode(database.db, 'XC-GAJ-0001')) return { entries: 0, problems: 0 };
  const entries = await seedDemoCatalog(database.db, new Date(opts.now.getTime() - 30 * 86_400_000));
  let now = opts.now;
  const clock = { now: () => now };
  // A private runtime (no pollers started) so that the demo's past can be replayed through the real process.
  const runtime = createRuntime({
    database,
    clock,
    calendar,
    forms: opts.forms,
    roles: rolePolicy,
    workers: createWorkflowWorkers({ calendar, now: clock.now }),
  });
  const governance = user('governance');
  let problems = 0;
  for (const p of DEMO_PROBLEMS) {
    const entry = await findEntryByCode(database.db, p.code);
    if (!entry) continue;
    now = new Date(opts.now.getTime() - p.daysAgo * 86_400_000);
    const inst = await runtime.startInstance({
      processKey: 'data-problem',
      user: user(p.reporter),
      variables: {
        entryId: entry.id,
        problemType: p.problemType,
        description: p.description,
        urgent: p.urgent,
      },
    });
    await runtime.runDueJobs();
    // Triaged an hour after the report: accepted, so the source unit's rectification clock starts.
    now = new Date(now.getTime() + 3_600_000);
    const { items } = await runtime.listTasks({
      user: governance,
      scope: 'all',
      processInstanceId: inst.id,
      status: 'open',
    });
    const triage = items.find((t) => t.elementId === 'triage');
    if (triage) {
      await runtime.completeUserTask({
        taskId: triage.id,
        user: governance,
        variables: { decision: 'accept', comment: '已核实, 请数源单位整改' },
      });
      await runtime.runDueJobs();
    }
    problems += 1;
  }
  return { entries, problems };
}
