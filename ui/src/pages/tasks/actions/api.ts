/** @module ui/pages/tasks/actions/api: the approval operations' calls (docs/api.md "Approval operations (审批操作)"). */
import { type CompleteResult, type Instance, request, type Task } from '../../../api';
import type { Schemas } from '../../../api/types';

export type TaskCopy = Schemas['TaskCopy'];
export type InboxCounts = Schemas['InboxCounts'];
export type DirectoryUser = Schemas['DirectoryUser'];
export type BatchResult = Schemas['BatchResult'];
export interface ReturnTarget {
  elementId: string;
  name: string;
  lastAssignee?: string | null;
}
export type SignerMode = 'before' | 'after' | 'parallel';
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const enc = encodeURIComponent;
const post = <T>(path: string, body: unknown) => request<T>(path, { method: 'POST', body });
const clean = (comment?: string) => (comment?.trim() ? comment.trim() : undefined);

export const approvals = {
  complete: (id: string, variables: Record<string, unknown>, comment?: string) =>
    post<CompleteResult>(`/tasks/${enc(id)}/complete`, { variables, comment: clean(comment) }),
  transfer: (id: string, to: string, comment?: string) =>
    post<Task>(`/tasks/${enc(id)}/transfer`, { to, comment: clean(comment) }),
  delegate: (id: string, to: string, comment?: string) =>
    post<Task>(`/tasks/${enc(id)}/delegate`, { to, comment: clean(comment) }),
  resolve: (id: string, comment?: string) =>
    post<Task>(`/tasks/${enc(id)}/resolve`, { comment: clean(comment) }),
  urge: (id: string, comment?: string) =>
    post<{ taskId: string }>(`/tasks/${enc(id)}/urge`, { comment: clean(comment) }),
  cc: (id: string, usernames: string[], comment?: string) =>
    post<{ copied: string[] }>(`/tasks/${enc(id)}/cc`, { usernames, comment: clean(comment) }),
  returnTargets: async (id: string) => {
    const res = await request<ReturnTarget[] | { items: ReturnTarget[] }>(`/tasks/${enc(id)}/return-targets`);
    return Array.isArray(res) ? res : res.items;
  },
  returnTo: (id: string, toElementId: string, comment: string) =>
    post<unknown>(`/tasks/${enc(id)}/return`, { toElementId, comment }),
  addSigners: (id: string, usernames: string[], mode: SignerMode, comment?: string) =>
    post<unknown>(`/tasks/${enc(id)}/add-signers`, { usernames, mode, comment: clean(comment) }),
  removeSigners: (id: string, usernames: string[]) =>
    post<unknown>(`/tasks/${enc(id)}/remove-signers`, { usernames }),
  withdraw: (instanceId: string, comment?: string) =>
    post<unknown>(`/process-instances/${enc(instanceId)}/withdraw`, { comment: clean(comment) }),
  revoke: (instanceId: string, reason: string) =>
    post<unknown>(`/process-instances/${enc(instanceId)}/revoke`, { reason }),
  batch: (taskIds: string[], comment?: string, variables: Record<string, unknown> = {}) =>
    post<{ results: BatchResult[] }>('/tasks/complete-batch', {
      taskIds,
      variables,
      comment: clean(comment),
    }),
  counts: () => request<InboxCounts>('/tasks/counts'),
  done: (page = 1, pageSize = 100) =>
    request<Page<Task>>('/tasks', { query: { scope: 'done', page, pageSize } }),
  started: (page = 1, pageSize = 50) =>
    request<Page<Instance>>('/process-instances', { query: { startedBy: 'me', page, pageSize } }),
  openTasksOf: (instanceId: string) =>
    request<{ items: Task[] }>(`/process-instances/${enc(instanceId)}/open-tasks`),
  copies: (unreadOnly: boolean, page = 1, pageSize = 50) =>
    request<Page<TaskCopy> & { unread: number }>('/cc', {
      query: { unread: unreadOnly ? 'true' : undefined, page, pageSize },
    }),
  markCopiesRead: (ids?: string[]) => post<{ updated: number }>('/cc/read', ids ? { ids } : {}),
  users: (q: { unitId?: string; role?: string; q?: string }) =>
    request<{ items: DirectoryUser[] }>('/users', { query: q }),
};
