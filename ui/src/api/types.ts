/**
 * @module ui/api/types: the HTTP contract's shapes as the UI names them, taken from ui/src/api/generated.ts (which
 * scripts/gen-api-types.ts writes from the server's /api/openapi.json): a field the server's schema does not
 * declare does not exist here. Only shapes the document leaves open (`details` of an error) are written by hand.
 */
import type { ApiResponse, Schemas } from './generated';

export type { ApiBody, ApiPath, ApiQuery, ApiResponse, Paths, Schemas } from './generated';

export type User = Schemas['User'];

/** A page of a list (`pageOf` in server/routes/schemas.ts). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type ApiErrorBody = Schemas['Error'];

/** One entry of a 400/422 error's `details` (the schema leaves `details` open: it differs per error). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** One entry of a BPMN_INVALID error's `details`. */
export interface ElementIssue {
  elementId: string;
  message: string;
}

export type ProcessDefinitionSummary = Schemas['ProcessDefinitionSummary'];
export type ProcessDefinition = Schemas['ProcessDefinition'];
/** A stored form version (`GET /api/forms/{key}`). */
export type FormRef = Schemas['Form'];
export type Instance = Schemas['ProcessInstance'];
export type InstanceStatus = Instance['status'];
/** The contract says `data` is any JSON; every event the engine writes carries an object (or none). */
export type HistoryEvent = Omit<Schemas['HistoryEvent'], 'data'> & { data?: Record<string, unknown> };
export type Task = Schemas['Task'];
export type TaskStatus = Task['status'];
export type TaskDetail = Schemas['TaskDetail'];
export type CompleteResult = ApiResponse<'/api/tasks/{id}/complete', 'post'>;
export type FormSummary = Schemas['FormSummary'];
export type CatalogEntry = Schemas['CatalogEntry'];
export type CatalogVersion = CatalogEntry['versions'][number];
export type InformationSystem = Schemas['InformationSystem'];
export type Unit = Schemas['Unit'];
export type OverdueItem = Schemas['OverdueItem'];
export type UnitStats = Schemas['UnitStats'];
export type DeploymentResult = Schemas['DeploymentResult'];
export type Notification = Schemas['Notification'];
/** One week of `GET /api/supervision/trend`: China week from Monday. */
export type TrendWeek = Schemas['TrendWeek'];
/** An open incident, as `GET /api/process-instances/{id}` lists them beside the instance. */
export type OpenIncident = Schemas['OpenIncident'];
