/** @module The API shapes (docs/api.md) of tasks and instances, built from their rows. */
import type { HistoryEvent, Vars } from '../contract';
import type { InstanceRow, TaskRow } from '../store';

export interface TaskDto {
  id: string;
  name: string;
  elementId: string;
  processInstanceId: string;
  processKey: string;
  businessKey: string | null;
  status: TaskRow['status'];
  assignee?: string;
  /** 委派: the delegator while the task is delegated to `assignee`. */
  owner?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  unitId?: string;
  createdAt: string;
  dueAt?: string;
  dueProvisional: boolean;
  overdue: boolean;
  formKey?: string;
  formVersion?: number;
  completedAt?: string;
  completedBy?: string;
}

export function toTaskDto(t: TaskRow, now: Date): TaskDto {
  return {
    id: t.id,
    name: t.name,
    elementId: t.elementId,
    processInstanceId: t.instanceId,
    processKey: t.processKey,
    businessKey: t.businessKey,
    status: t.status,
    ...(t.assignee ? { assignee: t.assignee } : {}),
    ...(t.owner ? { owner: t.owner } : {}),
    candidateGroups: t.candidateGroups,
    candidateUsers: t.candidateUsers,
    ...(t.unitId ? { unitId: t.unitId } : {}),
    createdAt: t.createdAt.toISOString(),
    ...(t.dueAt ? { dueAt: t.dueAt.toISOString() } : {}),
    dueProvisional: t.dueProvisional,
    overdue: t.status === 'open' && t.dueAt !== null && t.dueAt < now,
    ...(t.formKey ? { formKey: t.formKey } : {}),
    ...(t.formVersion ? { formVersion: t.formVersion } : {}),
    ...(t.completedAt ? { completedAt: t.completedAt.toISOString() } : {}),
    ...(t.completedBy ? { completedBy: t.completedBy } : {}),
  };
}

export interface InstanceDto {
  id: string;
  processKey: string;
  version: number;
  businessKey: string | null;
  status: InstanceRow['status'];
  variables: Vars;
  activeElementIds: string[];
  startedAt: string;
  endedAt?: string;
  startedBy?: string;
  unitId?: string;
  parentInstanceId?: string;
}

/** `version` is the definition version the instance runs on (not the row's optimistic-lock counter). */
export function toInstanceDto(i: InstanceRow): InstanceDto {
  return {
    id: i.id,
    processKey: i.processKey,
    version: i.definitionVersion,
    businessKey: i.businessKey,
    status: i.status,
    variables: i.variables,
    activeElementIds: i.activeElementIds,
    startedAt: i.startedAt.toISOString(),
    ...(i.endedAt ? { endedAt: i.endedAt.toISOString() } : {}),
    ...(i.startedBy ? { startedBy: i.startedBy } : {}),
    ...(i.unitId ? { unitId: i.unitId } : {}),
    ...(i.parentInstanceId ? { parentInstanceId: i.parentInstanceId } : {}),
  };
}

export type HistoryDto = HistoryEvent;
