/** @module ui/api/endpoints: one typed helper per docs/api.md route the UI calls. */
import { request, type Query } from './client';
import type {
  ApiBody,
  CatalogEntry,
  CompleteResult,
  DeploymentResult,
  FormRef,
  FormSummary,
  HistoryEvent,
  InformationSystem,
  Instance,
  Notification,
  OverdueItem,
  Page,
  ProcessDefinition,
  ProcessDefinitionSummary,
  Task,
  TaskDetail,
  Unit,
  UnitStats,
  User,
} from './types';

type List<T> = T[] | Page<T>;
const enc = encodeURIComponent;

export const auth = {
  login: (username: string, password: string) =>
    request<{ token: string; user: User }>('/auth/login', {
      method: 'POST',
      body: { username, password },
      quiet401: true,
    }),
  logout: () => request<void>('/auth/logout', { method: 'POST', quiet401: true }),
  me: () => request<User>('/me', { quiet401: true }),
};

export const definitions = {
  list: (query: Query = { latest: true }) =>
    request<List<ProcessDefinitionSummary>>('/process-definitions', { query }),
  latest: (key: string) => request<ProcessDefinition>(`/process-definitions/${enc(key)}`),
  version: (key: string, version: number) =>
    request<ProcessDefinition>(`/process-definitions/${enc(key)}/versions/${version}`),
  deploy: (body: ApiBody<'/api/deployments', 'post'>) =>
    request<DeploymentResult>('/deployments', { method: 'POST', body }),
};

export const instances = {
  start: (body: ApiBody<'/api/process-instances', 'post'>) =>
    request<Instance>('/process-instances', { method: 'POST', body }),
  list: (query: Query) => request<List<Instance>>('/process-instances', { query }),
  get: (id: string) => request<Instance>(`/process-instances/${enc(id)}`),
  history: (id: string) => request<List<HistoryEvent>>(`/process-instances/${enc(id)}/history`),
  cancel: (id: string, reason: string) =>
    request<Instance>(`/process-instances/${enc(id)}/cancel`, { method: 'POST', body: { reason } }),
};

export const tasks = {
  list: (query: Query) => request<List<Task>>('/tasks', { query }),
  get: (id: string) => request<TaskDetail>(`/tasks/${enc(id)}`),
  claim: (id: string) => request<Task>(`/tasks/${enc(id)}/claim`, { method: 'POST', body: {} }),
  unclaim: (id: string) => request<Task>(`/tasks/${enc(id)}/unclaim`, { method: 'POST', body: {} }),
  complete: (id: string, variables: Record<string, unknown>) =>
    request<CompleteResult>(`/tasks/${enc(id)}/complete`, { method: 'POST', body: { variables } }),
};

export const forms = {
  list: () => request<List<FormSummary>>('/forms'),
  get: (key: string, version?: number) => request<FormRef>(`/forms/${enc(key)}`, { query: { version } }),
  save: (body: ApiBody<'/api/forms', 'post'>) =>
    request<FormRef>('/forms', { method: 'POST', body }),
};

export const catalog = {
  entries: (query: Query = {}) => request<List<CatalogEntry>>('/catalog/entries', { query }),
  entry: (id: string) => request<CatalogEntry>(`/catalog/entries/${enc(id)}`),
  systems: (query: Query = {}) => request<List<InformationSystem>>('/catalog/systems', { query }),
};

export const units = {
  search: (q: string) => request<List<Unit>>('/units', { query: { q } }),
};

export const supervision = {
  overdue: () => request<List<OverdueItem>>('/supervision/overdue'),
  stats: (from?: string, to?: string) =>
    request<{ items: UnitStats[] }>('/supervision/stats', { query: { from, to } }),
  bulletinUrl: (from?: string, to?: string) => {
    const p = new URLSearchParams();
    if (from) p.set('from', from);
    if (to) p.set('to', to);
    const qs = p.toString();
    return `/api/supervision/bulletin.xlsx${qs ? `?${qs}` : ''}`;
  },
};

export const notifications = {
  list: () => request<{ items: Notification[]; unread?: number }>('/notifications', { quiet401: true }),
  /** Marks the given notifications read, or all of mine without ids. */
  markRead: (ids?: string[]) => request<{ updated: number }>('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
};

/** `GET /api/supervision/trend`: per China week (Monday start) of a period of at most two years, and the problems open now. */
export const supervisionTrend = (from: string, to: string) =>
  request<{ weeks: import('./types').TrendWeek[]; openProblems?: number }>('/supervision/trend', { query: { from, to } });

/** `GET /api/process-instances/{id}` read with the open incidents it lists beside the instance. */
export const instanceWithIncidents = (id: string) =>
  request<Instance & { incidents?: import('./types').OpenIncident[] }>(`/process-instances/${enc(id)}`);
