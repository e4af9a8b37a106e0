/** @module Read side of the runtime: instances, tasks (with the visibility rule), history, definitions, incidents. */
import {
  getTaskRow,
  type InstanceQuery,
  listDefinitions,
  listIncidents,
  listInstances as listInstanceRows,
  listTaskRows,
  loadInstance,
  readHistory,
  type TaskListQuery,
} from '../store';
import { type InstanceDto, type TaskDto, toInstanceDto, toTaskDto } from './dto';
import { isUuid, notFound } from './ids';
import { accessScope, canSeeTask } from './task-access';
import type { RuntimeContext, RuntimeUser } from './types';

export async function getInstance(rt: RuntimeContext, id: string): Promise<InstanceDto> {
  const row = isUuid(id) ? await loadInstance(rt.db, id) : undefined;
  if (!row) throw notFound('流程实例', 'Process instance', id);
  return toInstanceDto(row);
}

export async function listInstances(rt: RuntimeContext, q: InstanceQuery = {}) {
  const { items, total } = await listInstanceRows(rt.db, q);
  return { items: items.map(toInstanceDto), total, page: q.page ?? 1, pageSize: q.pageSize ?? 20 };
}

export async function getHistory(rt: RuntimeContext, instanceId: string) {
  if (!isUuid(instanceId)) throw notFound('流程实例', 'Process instance', instanceId);
  return readHistory(rt.db, instanceId);
}

export type ListTasksInput = Omit<TaskListQuery, 'access' | 'now' | 'scope'> & {
  user: RuntimeUser;
  scope?: TaskListQuery['scope'];
};

export async function listTasks(rt: RuntimeContext, q: ListTasksInput) {
  const now = rt.clock.now();
  const { user, ...rest } = q;
  const { items, total } = await listTaskRows(rt.db, {
    ...rest,
    scope: q.scope ?? 'all',
    access: accessScope(user, rt.roles),
    now,
  });
  return {
    items: items.map((t) => toTaskDto(t, now)),
    total,
    page: q.page ?? 1,
    pageSize: Math.min(q.pageSize ?? 20, 100),
  };
}

/** A task the user may see, with its instance's variables and local variables; NOT_FOUND otherwise. */
export async function getTask(
  rt: RuntimeContext,
  id: string,
  user: RuntimeUser,
): Promise<TaskDto & { variables: object; formVersion?: number }> {
  const row = isUuid(id) ? await getTaskRow(rt.db, id) : undefined;
  if (!row || !canSeeTask(user, row, rt.roles)) throw notFound('任务', 'Task', id);
  const instance = await loadInstance(rt.db, row.instanceId);
  return {
    ...toTaskDto(row, rt.clock.now()),
    variables: { ...(instance?.variables ?? {}), ...(row.localVars ?? {}) },
  };
}

export const listProcessDefinitions = (
  rt: RuntimeContext,
  options: { latest?: boolean; key?: string } = {},
) => listDefinitions(rt.db, options);

export const listInstanceIncidents = (rt: RuntimeContext, instanceId: string) =>
  isUuid(instanceId) ? listIncidents(rt.db, instanceId) : Promise.resolve([]);
