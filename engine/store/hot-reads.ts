/**
 * @module The reads that start a step, as prepared plain SQL (the query builder cost more CPU than these queries):
 * a task with its instance, and a job (locked) with its instance. Each comes back as ONE json value holding both
 * rows keyed like drizzle's camelCase row types: node-postgres then parses one field with V8's JSON.parse instead
 * of some forty fields one by one (its per-field row description and parsers were most of a completion's read,
 * ~140 → ~100 µs of client CPU per read measured); only the timestamps are turned back into Dates here.
 */
import type { Table } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { columnsOf, rawQuery } from '../../platform/db/raw';
import { type InstanceRow, type JobRow, jobs, processInstances, type TaskRow, userTasks } from './schema';

/** `json_build_object('key', alias."column", …)` over all of a table's columns (at most 50: PostgreSQL's limit). */
function jsonObject(table: Table, alias: string): string {
  const cols = columnsOf(table);
  if (cols.length > 50) throw new Error('hot read: json_build_object takes at most 100 arguments');
  return `json_build_object(${cols.map((c) => `'${c.key}', ${alias}."${c.name}"`).join(', ')})`;
}

const timestampKeys = new WeakMap<Table, string[]>();

/** The row as drizzle would give it: JSON carries every column type these tables use but timestamps (ISO text). */
function revive<T>(table: Table, row: Record<string, unknown>): T {
  let keys = timestampKeys.get(table);
  if (!keys) {
    keys = columnsOf(table)
      .filter((c) => c.sqlType.startsWith('timestamp'))
      .map((c) => c.key);
    timestampKeys.set(table, keys);
  }
  for (const k of keys) if (row[k] !== null && row[k] !== undefined) row[k] = new Date(row[k] as string);
  return row as T;
}

type Pair = { r: [Record<string, unknown>, Record<string, unknown>] };

let taskText: string | undefined;

/** A task with its instance (one prepared read: the start of a completion, 加签, 转交). */
export async function readTaskWithInstance(
  db: DbOrTx,
  taskId: string,
): Promise<{ task: TaskRow; instance: InstanceRow } | undefined> {
  taskText ??= `select json_build_array(${jsonObject(userTasks, 't')}, ${jsonObject(processInstances, 'i')}) as r from user_tasks t join process_instances i on i.id = t.instance_id where t.id = $1::uuid`;
  const [row] = await rawQuery<Pair>(db, taskText, [taskId], 'huiliu_task_with_instance_json');
  if (!row) return undefined;
  return {
    task: revive<TaskRow>(userTasks, row.r[0]),
    instance: revive<InstanceRow>(processInstances, row.r[1]),
  };
}

let jobText: string | undefined;

/** A job locked FOR UPDATE (inside the caller's transaction) with its instance. */
export async function lockJobWithInstance(
  tx: DbOrTx,
  jobId: string,
): Promise<{ job: JobRow; instance: InstanceRow } | undefined> {
  jobText ??= `select json_build_array(${jsonObject(jobs, 'j')}, ${jsonObject(processInstances, 'i')}) as r from jobs j join process_instances i on i.id = j.instance_id where j.id = $1::uuid for update of j`;
  const [row] = await rawQuery<Pair>(tx, jobText, [jobId], 'huiliu_lock_job_json');
  if (!row) return undefined;
  return { job: revive<JobRow>(jobs, row.r[0]), instance: revive<InstanceRow>(processInstances, row.r[1]) };
}
