/**
 * @module The reads that start a step, as prepared plain SQL (the query builder cost more CPU than these queries):
 * a task with its instance, and a job (locked) with its instance. Each row comes back split into its two parts.
 */
import type { DbOrTx } from '../../platform/db/db';
import { rawQuery, selectList } from '../../platform/db/raw';
import { type InstanceRow, type JobRow, jobs, processInstances, type TaskRow, userTasks } from './schema';

function split<A, B>(row: Record<string, unknown>): { a: A; b: B } {
  const a: Record<string, unknown> = {};
  const b: Record<string, unknown> = {};
  for (const key in row) {
    if (key.startsWith('a.')) a[key.slice(2)] = row[key];
    else b[key.slice(2)] = row[key];
  }
  return { a: a as A, b: b as B };
}

let taskText: string | undefined;

/** Like getTaskWithInstance, in plain SQL. */
export async function readTaskWithInstance(
  db: DbOrTx,
  taskId: string,
): Promise<{ task: TaskRow; instance: InstanceRow } | undefined> {
  taskText ??= `select ${selectList(userTasks, 't', 'a.')}, ${selectList(processInstances, 'i', 'b.')} from user_tasks t join process_instances i on i.id = t.instance_id where t.id = $1::uuid`;
  const [row] = await rawQuery<Record<string, unknown>>(db, taskText, [taskId], 'huiliu_task_with_instance');
  if (!row) return undefined;
  const { a, b } = split<TaskRow, InstanceRow>(row);
  return { task: a, instance: b };
}

let jobText: string | undefined;

/** A job locked FOR UPDATE (inside the caller's transaction) with its instance. */
export async function lockJobWithInstance(
  tx: DbOrTx,
  jobId: string,
): Promise<{ job: JobRow; instance: InstanceRow } | undefined> {
  jobText ??= `select ${selectList(jobs, 'j', 'a.')}, ${selectList(processInstances, 'i', 'b.')} from jobs j join process_instances i on i.id = j.instance_id where j.id = $1::uuid for update of j`;
  const [row] = await rawQuery<Record<string, unknown>>(tx, jobText, [jobId], 'huiliu_lock_job');
  if (!row) return undefined;
  const { a, b } = split<JobRow, InstanceRow>(row);
  return { job: a, instance: b };
}
