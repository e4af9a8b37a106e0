/**
 * @module A step's whole write as ONE statement: the instance row (versioned update, or insert) first, then every
 * effect row guarded by `exists (select 1 from w_inst)`. A statement is atomic by itself, so outside a transaction
 * a lost optimistic-lock race writes nothing at all, and inside one it saves the round trips of separate writes.
 */
import { getTableName, type Table } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import type { HistoryRow, InstanceRow } from './schema';
import {
  historyEvents,
  incidents,
  jobs,
  messageSubscriptions,
  processInstances,
  timers,
  userTasks,
} from './schema';
import { columnsOf, Params, rawQuery } from '../../platform/db/raw';
import type { NewTask } from './tasks';
import type { NewIncident, NewJob, NewSubscription, NewTimer } from './work-items';

export type NewHistoryRow = Omit<HistoryRow, 'id'>;

export interface InstanceWrite {
  /** `update`: the row as read and its patch (written only if its version is still the one read). */
  update?: { current: InstanceRow; patch: Partial<InstanceRow> };
  /** `insert`: a complete new row (ids are made by the caller, so nothing has to be read back). */
  insert?: InstanceRow;
}

export interface StepWrites {
  instance: InstanceWrite;
  at: Date;
  tasks: NewTask[];
  timers: NewTimer[];
  jobs: NewJob[];
  subscriptions: NewSubscription[];
  incidents: NewIncident[];
  history: NewHistoryRow[];
  closeTasks: { taskKey: string; status: 'completed' | 'cancelled'; by: string | null }[];
  cancelTimers: string[];
  cancelJobs: string[];
  closeSubscriptions: string[];
  resolveIncidents: string[];
  /**
   * The step ends the instance: whatever live work the engine did not close by effect is closed too (open tasks
   * cancelled, timers and jobs cancelled, subscriptions closed, incidents resolved), in the same statement.
   */
  terminal?: boolean;
  /** The job this step completes (a service task's worker ran in the same transaction). */
  finishJob?: { id: string; status: 'completed' | 'cancelled' };
  /** A NOTIFY channel to signal on commit (PostgreSQL only): new jobs wake every process's job loop. */
  notify?: string;
  /**
   * Rows of the caller's own tables that go with this step (the server's drafts of the task it completes), deleted
   * by the same guarded statement: gone exactly when the step is written, without a round trip of their own.
   */
  deleteRows?: DeleteRows[];
}

/** A step that writes nothing yet besides its instance row: what the effects are collected into. */
export function emptyWrites(at: Date): Omit<StepWrites, 'instance'> {
  return {
    at,
    tasks: [],
    timers: [],
    jobs: [],
    subscriptions: [],
    incidents: [],
    history: [],
    closeTasks: [],
    cancelTimers: [],
    cancelJobs: [],
    closeSubscriptions: [],
    resolveIncidents: [],
  };
}

/** `delete from <table> where <column> = <value> and …` (names are the caller's constants, never user input). */
export interface DeleteRows {
  table: string;
  match: Record<string, string>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function deleteRowsPart(p: Params, d: DeleteRows): string {
  const names = [d.table, ...Object.keys(d.match)];
  const bad = names.find((n) => !IDENTIFIER.test(n));
  if (bad) throw new Error(`step write: ${bad} is not a plain SQL name`);
  // Untyped parameters: PostgreSQL takes each one's type from its column, so the column's index applies.
  const conds = Object.entries(d.match).map(([col, v]) => `"${col}" = ${p.add(v)}`);
  return `delete from "${d.table}" where ${conds.join(' and ')} and ${GUARD}`;
}

const GUARD = 'exists (select 1 from w_inst)';

function insertRows(p: Params, table: Table, rows: object[]): string {
  const first = rows[0] as Record<string, unknown>;
  const cols = columnsOf(table).filter((c) => first[c.key] !== undefined);
  const tuples = rows.map((row) => {
    const r = row as Record<string, unknown>;
    const vals = cols.map((c) => {
      const v = r[c.key];
      if (v === undefined)
        throw new Error(`step write: rows for ${getTableName(table)} differ in shape (${c.key})`);
      return p.add(v === null ? null : c.toDriver(v), c.sqlType);
    });
    return `(${vals.join(', ')})`;
  });
  const names = cols.map((c) => `"${c.name}"`).join(', ');
  return `insert into "${getTableName(table)}" (${names}) select * from (values ${tuples.join(', ')}) as v(${names}) where ${GUARD}`;
}

function instancePart(p: Params, w: InstanceWrite): string {
  if (w.insert) {
    const row = w.insert as unknown as Record<string, unknown>;
    const cols = columnsOf(processInstances);
    const vals = cols.map((c) => p.add(row[c.key] === null ? null : c.toDriver(row[c.key]), c.sqlType));
    return `insert into process_instances (${cols.map((c) => `"${c.name}"`).join(', ')}) values (${vals.join(', ')}) returning id`;
  }
  const { current, patch } = w.update as NonNullable<InstanceWrite['update']>;
  const cols = columnsOf(processInstances);
  const sets = [`version = ${p.add(current.version + 1, 'integer')}`];
  for (const c of cols) {
    if (c.key === 'version' || c.key === 'id') continue;
    const v = (patch as Record<string, unknown>)[c.key];
    if (v !== undefined) sets.push(`"${c.name}" = ${p.add(v === null ? null : c.toDriver(v), c.sqlType)}`);
  }
  return `update process_instances set ${sets.join(', ')} where id = ${p.add(current.id, 'uuid')} and version = ${p.add(current.version, 'integer')} returning id`;
}

/** `update <table> set status = … where instance_id = … and <key> = … and status = <open>` for each key, guarded. */
function closeRows(
  p: Params,
  table: string,
  keyColumn: string,
  instanceRef: string,
  keys: string[],
  set: string,
  openStatus: string,
): string {
  const list = keys.map((k) => p.add(k, 'text')).join(', ');
  return `update ${table} set ${set} where instance_id = ${instanceRef} and ${keyColumn} in (${list}) and ${statusIs(p, openStatus)} and ${GUARD}`;
}

/**
 * `status = $n`, a parameter and not a literal, on purpose. Each of these tables has partial indexes `where status =
 * 'open'` (the inbox's, the due timers', the ready jobs') besides its `(instance_id, …)` index. A prepared step
 * statement is planned generically after five runs, often while the tables are still small, and with a literal the
 * planner may settle on a partial index and filter it by instance: every later step then walks every open task (seen
 * in bench:http: ~1 ms of PostgreSQL per completion at 4,000 open tasks, and it grows with the county's inbox). A
 * parameter does not imply the partial indexes' predicate, so only the instance's own index can serve the row.
 */
const statusIs = (p: Params, status: string) => `status = ${p.add(status, 'text')}`;

export function buildStepStatement(w: StepWrites): { text: string; values: unknown[] } {
  const p = new Params();
  const parts: string[] = [`w_inst as (${instancePart(p, w.instance)})`];
  const instanceId = (w.instance.insert ?? w.instance.update?.current)?.id as string;
  // Added on first use: a parameter the text never mentions has no type PostgreSQL can determine.
  let instRef: string | undefined;
  let atRef: string | undefined;
  const inst = () => (instRef ??= p.add(instanceId, 'uuid'));
  const at = () => (atRef ??= p.add(w.at.toISOString(), 'timestamptz'));
  const add = (s: string) => parts.push(`w${parts.length} as (${s})`);
  for (const c of w.closeTasks) {
    const by = c.status === 'completed' && c.by ? p.add(c.by, 'text') : undefined;
    const set = by
      ? `status = 'completed', completed_at = ${at()}, completed_by = ${by}, assignee = coalesce(assignee, ${by}), updated_at = now()`
      : `status = '${c.status}', completed_at = ${at()}, completed_by = null, updated_at = now()`;
    add(closeRows(p, 'user_tasks', 'task_key', inst(), [c.taskKey], set, 'open'));
  }
  if (w.cancelTimers.length)
    add(
      closeRows(
        p,
        'timers',
        'timer_key',
        inst(),
        w.cancelTimers,
        `status = 'cancelled', updated_at = now()`,
        'scheduled',
      ),
    );
  if (w.cancelJobs.length)
    add(
      closeRows(
        p,
        'jobs',
        'job_key',
        inst(),
        w.cancelJobs,
        `status = 'cancelled', updated_at = now()`,
        'ready',
      ),
    );
  if (w.closeSubscriptions.length)
    add(
      closeRows(
        p,
        'message_subscriptions',
        'subscription_key',
        inst(),
        w.closeSubscriptions,
        `status = 'closed', updated_at = now()`,
        'active',
      ),
    );
  if (w.resolveIncidents.length)
    add(
      closeRows(
        p,
        'incidents',
        'incident_key',
        inst(),
        w.resolveIncidents,
        `status = 'resolved', resolved_at = ${at()}, updated_at = now()`,
        'open',
      ),
    );
  if (w.terminal) {
    // Rows this statement already closes are excluded: one statement must not update a row twice.
    const except = (col: string, keys: string[]) =>
      keys.length ? ` and ${col} not in (${keys.map((k) => p.add(k, 'text')).join(', ')})` : '';
    const live = (table: string, set: string, open: string, col: string, keys: string[], more = '') =>
      add(
        `update ${table} set ${set}, updated_at = now() where instance_id = ${inst()} and ${statusIs(p, open)}${except(col, keys)}${more} and ${GUARD}`,
      );
    live(
      'user_tasks',
      `status = 'cancelled', completed_at = ${at()}`,
      'open',
      'task_key',
      w.closeTasks.map((c) => c.taskKey),
    );
    live('timers', `status = 'cancelled'`, 'scheduled', 'timer_key', w.cancelTimers);
    const finishing = w.finishJob ? ` and id <> ${p.add(w.finishJob.id, 'uuid')}` : '';
    live('jobs', `status = 'cancelled'`, 'ready', 'job_key', w.cancelJobs, finishing);
    live('message_subscriptions', `status = 'closed'`, 'active', 'subscription_key', w.closeSubscriptions);
    live(
      'incidents',
      `status = 'resolved', resolved_at = ${at()}`,
      'open',
      'incident_key',
      w.resolveIncidents,
    );
  }
  if (w.finishJob) {
    const job = p.add(w.finishJob.id, 'uuid');
    add(
      `update jobs set status = '${w.finishJob.status}', locked_until = null, updated_at = now() where id = ${job} and ${GUARD}`,
    );
  }
  if (w.tasks.length) add(insertRows(p, userTasks, w.tasks));
  if (w.timers.length) add(insertRows(p, timers, w.timers));
  if (w.jobs.length) add(insertRows(p, jobs, w.jobs));
  if (w.subscriptions.length) add(insertRows(p, messageSubscriptions, w.subscriptions));
  if (w.incidents.length) add(insertRows(p, incidents, w.incidents));
  if (w.history.length) add(insertRows(p, historyEvents, w.history));
  for (const d of w.deleteRows ?? []) add(deleteRowsPart(p, d));
  const notify = w.notify
    ? `, case when n > 0 then pg_notify(${p.add(w.notify, 'text')}, 'jobs')::text end as notified`
    : '';
  return {
    text: `with ${parts.join(', ')} select n${notify} from (select count(*)::int as n from w_inst) s`,
    values: p.values,
  };
}

/**
 * A step's statement text depends only on its shape (which effects, how many rows), and a process has few shapes,
 * so each gets a prepared-statement name: PostgreSQL then parses and plans it once per connection instead of on
 * every step (planning a dozen CTEs cost more than running them). Past a cap, new shapes run unnamed, so a
 * pathological process cannot grow every connection's statement cache without bound.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED_SHAPES = 500;

function nameOf(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known || statementNames.size >= MAX_NAMED_SHAPES) return known;
  const name = `huiliu_step_${statementNames.size}`;
  statementNames.set(text, name);
  return name;
}

/** Runs the step's statement; false when the versioned update matched nothing (a racing step won): nothing written. */
export async function writeStep(db: DbOrTx, w: StepWrites): Promise<boolean> {
  const { text, values } = buildStepStatement(w);
  const [row] = await rawQuery<{ n: number }>(db, text, values, nameOf(text));
  return Number(row?.n) === 1;
}
