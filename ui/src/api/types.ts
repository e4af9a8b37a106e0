/** @module ui/api/types: the HTTP contract's shapes (API.md) as the UI sees them; nothing here is shared with the server's code. */

export interface User {
  id: string;
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  roles: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ElementIssue {
  elementId: string;
  message: string;
}

export interface ProcessDefinitionSummary {
  id: string;
  key: string;
  version: number;
  name?: string;
  deployedAt?: string;
  /** Whether the caller may start it (server extension; absent = yes). */
  canStart?: boolean;
}

export interface FormRef {
  key: string;
  version: number;
  title?: string;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}

export interface ProcessDefinition extends ProcessDefinitionSummary {
  xml: string;
  startForm?: FormRef;
}

export type InstanceStatus = 'active' | 'completed' | 'cancelled' | 'incident';

export interface Instance {
  id: string;
  processKey: string;
  version: number;
  businessKey?: string | null;
  status: InstanceStatus;
  variables: Record<string, unknown>;
  activeElementIds: string[];
  startedAt: string;
  endedAt?: string | null;
  startedBy?: string;
}

export interface HistoryEvent {
  at: string;
  type: string;
  elementId?: string;
  actor?: string;
  data?: Record<string, unknown>;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface Task {
  id: string;
  name: string;
  elementId: string;
  processInstanceId: string;
  processKey: string;
  businessKey?: string | null;
  status: TaskStatus;
  assignee?: string | null;
  candidateGroups: string[];
  unitId?: string | null;
  createdAt: string;
  dueAt?: string | null;
  overdue: boolean;
  formKey?: string | null;
  /** The deadline was computed past the calendar's known years (server field; `provisional` accepted too). */
  dueProvisional?: boolean;
  provisional?: boolean;
}

export interface TaskDetail extends Task {
  variables: Record<string, unknown>;
  form?: FormRef;
}

export interface CompleteResult {
  task: Task;
  instance: Instance;
}

export interface FormSummary {
  key: string;
  version: number;
  title: string;
}

export interface CatalogVersion {
  version: number;
  publishedAt: string;
  fields: Record<string, unknown>;
}

export interface CatalogEntry {
  id: string;
  code: string;
  unitId: string;
  unitName: string;
  status: 'active' | 'retired';
  currentVersion: number;
  fields: Record<string, unknown>;
  versions?: CatalogVersion[];
}

export interface InformationSystem {
  id: string;
  name: string;
  description?: string;
  unitId?: string;
}

export interface Unit {
  id: string;
  name: string;
  kind?: string;
}

export interface OverdueItem {
  task: Task;
  unitId: string;
  unitName: string;
  dueAt: string;
  overdueWorkdays: number;
}

export interface UnitStats {
  unitId: string;
  unitName: string;
  problemsReceived: number;
  problemsRectified: number;
  rectifiedOnTime: number;
  overdueNow: number;
  avgWorkdaysToFix: number | null;
  reworkRounds: number;
  entriesRegistered: number;
  entriesChanged: number;
  entriesReturned: number;
}

export interface DeploymentResult {
  deploymentId: string;
  processes: { id: string; key: string; version: number; name?: string }[];
  forms: { key: string; version: number }[];
}

export interface Notification {
  id: string;
  title?: string;
  body?: string;
  kind?: string;
  link?: string | null;
  instanceId?: string | null;
  readAt?: string | null;
  createdAt?: string;
}

/** One week of `GET /api/supervision/trend`: China week from Monday. */
export interface TrendWeek {
  weekStart: string;
  received: number;
  rectified: number;
  rectifiedLate: number;
}

/** An open incident, as `GET /api/process-instances/{id}` lists them beside the instance. */
export interface OpenIncident {
  id: string;
  elementId: string;
  type: string;
  message: string;
  expression?: string;
  createdAt: string;
}
