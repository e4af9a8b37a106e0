/** @module The engine's tables: deployed definitions, instance snapshots and every effect a step writes beside them. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CompiledProcess, ElementRef, Json, Vars } from '../contract';
import { timestamps, tz } from '../../platform/db/db';

export const deployments = pgTable('deployments', {
  id: uuid().primaryKey().defaultRandom(),
  name: text(),
  deployedBy: text(),
  ...timestamps,
});

export const processDefinitions = pgTable(
  'process_definitions',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    version: integer().notNull(),
    name: text(),
    xml: text().notNull(),
    compiled: jsonb().$type<CompiledProcess>().notNull(),
    /** sha256 of the XML: a deployment of identical content is a no-op. */
    checksum: text().notNull(),
    /** formKey → form version pinned at deploy time, so a later form edit never changes a running version. */
    formBindings: jsonb().$type<Record<string, number>>().notNull().default({}),
    deploymentId: uuid()
      .notNull()
      .references(() => deployments.id),
    deployedAt: tz().notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [uniqueIndex('process_definitions_key_version_uq').on(t.key, t.version)],
);

export const processInstances = pgTable(
  'process_instances',
  {
    id: uuid().primaryKey().defaultRandom(),
    definitionId: uuid()
      .notNull()
      .references(() => processDefinitions.id),
    processKey: text().notNull(),
    definitionVersion: integer().notNull(),
    snapshot: jsonb().$type<Json>().notNull(),
    /** Optimistic lock: every step writes `WHERE version = $v` and bumps it. */
    version: integer().notNull().default(1),
    status: text({ enum: ['active', 'completed', 'cancelled', 'incident'] }).notNull(),
    businessKey: text(),
    /** The starter's unit: unscoped `unit.*` candidate groups resolve to it. */
    unitId: text(),
    startedBy: text(),
    parentInstanceId: uuid(),
    /** The parent's call-activity activation that waits for this child. */
    parentRef: jsonb().$type<ElementRef & { childKey: string }>(),
    startedAt: tz().notNull(),
    endedAt: tz(),
    variables: jsonb().$type<Vars>().notNull().default({}),
    activeElementIds: text().array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    index('process_instances_key_status_idx').on(t.processKey, t.status, t.startedAt),
    index('process_instances_business_key_idx').on(t.businessKey),
    index('process_instances_parent_idx').on(t.parentInstanceId),
    index('process_instances_unit_idx').on(t.unitId, t.startedAt),
    // 我发起的 (GET /api/process-instances?startedBy=me), newest first.
    index('process_instances_started_by_idx').on(t.startedBy, t.startedAt.desc()),
  ],
);

/**
 * One row per activation of a user task. The inbox reads only open rows, so its indexes are partial on
 * `status = 'open'`: they stay the size of the open work (100k), not of the history (1M+).
 */
export const userTasks = pgTable(
  'user_tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    instanceId: uuid()
      .notNull()
      .references(() => processInstances.id),
    elementId: text().notNull(),
    taskKey: text().notNull(),
    activation: integer().notNull(),
    loopIndex: integer(),
    name: text().notNull(),
    assignee: text(),
    /**
     * 委派 (delegate): who delegated the task while `assignee` works on it; resolving hands it back (assignee = owner,
     * owner = null). Null when the task is not delegated.
     */
    owner: text(),
    /** Roles only (the `@unit` scope is moved into `unitId`), so `&&` against a user's roles matches. */
    candidateGroups: text().array().notNull().default(sql`'{}'::text[]`),
    candidateUsers: text().array().notNull().default(sql`'{}'::text[]`),
    /**
     * Who may act, precomputed by engine/runtime/task-access.ts: `role@unit` for unit roles, `role` for county-wide
     * ones, `user:name` for candidate users. The inbox asks one question: does this array overlap my keys?
     */
    accessKeys: text().array().notNull().default(sql`'{}'::text[]`),
    unitId: text(),
    dueAt: tz(),
    dueProvisional: boolean().notNull().default(false),
    followUpAt: tz(),
    priority: integer().notNull().default(50),
    status: text({ enum: ['open', 'completed', 'cancelled'] })
      .notNull()
      .default('open'),
    completedAt: tz(),
    completedBy: text(),
    formKey: text(),
    formVersion: integer(),
    localVars: jsonb().$type<Vars>(),
    processKey: text().notNull(),
    businessKey: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('user_tasks_instance_key_uq').on(t.instanceId, t.taskKey),
    // "mine": my open tasks, newest first.
    index('user_tasks_open_assignee_idx').on(t.assignee, t.createdAt.desc()).where(sql`${t.status} = 'open'`),
    // "group"/"all": exact keys like `unit.leader@U7` have short posting lists (a few hundred open rows), so a
    // GIN lookup plus a sort of those rows answers the page and its total. fastupdate off: with it on, new entries
    // wait in an unsorted pending list (up to 4 MB) that every inbox query scans until a vacuum merges it; measured
    // at 1M rows that turned a 1 ms lookup into 15-30 ms. Task inserts are few; inbox reads are many.
    index('user_tasks_open_access_gin')
      .using('gin', t.accessKeys)
      .with({ fastupdate: false })
      .where(sql`${t.status} = 'open'`),
    // Broad matches (a county-wide role sees ~1/6 of all open work): newest-first scan that stops after a page.
    index('user_tasks_open_created_idx').on(t.createdAt.desc(), t.id.desc()).where(sql`${t.status} = 'open'`),
    // Supervision and `unitId=` filters: a unit's open tasks, newest first.
    index('user_tasks_open_unit_idx').on(t.unitId, t.createdAt.desc()).where(sql`${t.status} = 'open'`),
    index('user_tasks_open_due_idx').on(t.dueAt).where(sql`${t.status} = 'open' and ${t.dueAt} is not null`),
    index('user_tasks_process_status_idx').on(t.processKey, t.status),
    // 已办 (GET /api/tasks?scope=done): what one person completed, newest first.
    index('user_tasks_done_idx').on(t.completedBy, t.completedAt.desc()).where(sql`${t.status} = 'completed'`),
  ],
);

export const timers = pgTable(
  'timers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null for a timer start event, which belongs to a definition rather than an instance. */
    instanceId: uuid().references(() => processInstances.id),
    definitionId: uuid().references(() => processDefinitions.id),
    timerKey: text().notNull(),
    elementId: text().notNull(),
    activation: integer().notNull(),
    loopIndex: integer(),
    dueAt: tz().notNull(),
    cycle: text(),
    repetitionsLeft: integer(),
    interrupting: boolean(),
    status: text({ enum: ['scheduled', 'fired', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    /** A poller's lease: another poller skips the row until it passes (a crashed poller's lease just expires). */
    claimedUntil: tz(),
    ...timestamps,
  },
  (t) => [
    index('timers_due_idx').on(t.dueAt).where(sql`${t.status} = 'scheduled'`),
    index('timers_instance_key_idx').on(t.instanceId, t.timerKey),
  ],
);

export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    instanceId: uuid()
      .notNull()
      .references(() => processInstances.id),
    jobKey: text().notNull(),
    elementId: text().notNull(),
    activation: integer().notNull(),
    loopIndex: integer(),
    type: text().notNull(),
    variables: jsonb().$type<Vars>().notNull().default({}),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    retries: integer().notNull().default(3),
    retriesLeft: integer().notNull().default(3),
    nextRunAt: tz().notNull().defaultNow(),
    lockedUntil: tz(),
    lockOwner: text(),
    lastError: text(),
    status: text({ enum: ['ready', 'completed', 'failed', 'cancelled'] })
      .notNull()
      .default('ready'),
    ...timestamps,
  },
  (t) => [
    index('jobs_ready_idx').on(t.nextRunAt).where(sql`${t.status} = 'ready'`),
    uniqueIndex('jobs_instance_key_uq').on(t.instanceId, t.jobKey),
  ],
);

export const messageSubscriptions = pgTable(
  'message_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    instanceId: uuid()
      .notNull()
      .references(() => processInstances.id),
    subscriptionKey: text().notNull(),
    messageName: text().notNull(),
    correlationKey: text(),
    /** A signal catch/boundary waits here too (its name in messageName, no correlation key): a broadcast takes every row. */
    kind: text({ enum: ['message', 'signal'] })
      .notNull()
      .default('message'),
    elementId: text().notNull(),
    activation: integer().notNull(),
    loopIndex: integer(),
    status: text({ enum: ['active', 'correlated', 'closed'] })
      .notNull()
      .default('active'),
    ...timestamps,
  },
  (t) => [
    index('message_subscriptions_lookup_idx')
      .on(t.messageName, t.correlationKey)
      .where(sql`${t.status} = 'active'`),
    index('message_subscriptions_instance_idx').on(t.instanceId, t.subscriptionKey),
  ],
);

/**
 * Messages published with a time to live (Zeebe's buffering): kept until `expiresAt` so a subscription that opens
 * later still receives them. A message reaches each process (BPMN id) at most once, as in Zeebe, so the processes it
 * reached are kept with it. Expired rows are deleted by the timer poller (engine/runtime/message-buffer.ts).
 */
export const bufferedMessages = pgTable(
  'buffered_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    correlationKey: text().notNull(),
    /** The publisher's id: a second publication with the same name, key and id is refused while this row lives. */
    messageId: text(),
    variables: jsonb().$type<Vars>().notNull().default({}),
    reachedProcessKeys: jsonb().$type<string[]>().notNull().default([]),
    publishedBy: text(),
    expiresAt: tz().notNull(),
    ...timestamps,
  },
  (t) => [
    index('buffered_messages_lookup_idx').on(t.name, t.correlationKey),
    index('buffered_messages_expiry_idx').on(t.expiresAt),
    uniqueIndex('buffered_messages_message_id_uq')
      .on(t.name, t.correlationKey, t.messageId)
      .where(sql`${t.messageId} is not null`),
  ],
);

/**
 * Zeebe's rule for message starts: while an instance a message started with a correlation key is running, no other
 * message with that key starts the same process. One row per (process, key) names the last such instance; the row is
 * locked while a message start checks it, so two publications cannot both start one.
 */
export const messageStartKeys = pgTable(
  'message_start_keys',
  {
    processKey: text().notNull(),
    correlationKey: text().notNull(),
    instanceId: uuid().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('message_start_keys_uq').on(t.processKey, t.correlationKey)],
);

export const incidents = pgTable(
  'incidents',
  {
    id: uuid().primaryKey().defaultRandom(),
    instanceId: uuid()
      .notNull()
      .references(() => processInstances.id),
    incidentKey: text().notNull(),
    elementId: text().notNull(),
    activation: integer().notNull(),
    /** Engine incidents (FEEL errors) resume by `incident.retry`; JOB_FAILED ones by re-arming the job. */
    type: text().notNull(),
    message: text().notNull(),
    expression: text(),
    jobId: uuid(),
    status: text({ enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    resolvedAt: tz(),
    ...timestamps,
  },
  (t) => [
    index('incidents_instance_idx').on(t.instanceId, t.status),
    index('incidents_open_idx').on(t.createdAt).where(sql`${t.status} = 'open'`),
  ],
);

/** Append-only: who did what, when, with which data. */
export const historyEvents = pgTable(
  'history_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    instanceId: uuid().notNull(),
    at: tz().notNull(),
    type: text().notNull(),
    elementId: text(),
    actor: text(),
    data: jsonb().$type<Json>(),
  },
  (t) => [index('history_events_instance_idx').on(t.instanceId, t.id)],
);

/**
 * Deployed DMN decisions (a `.dmn` resource holds one or more): versioned per decision id like processes. A process
 * calling one embeds the version current at its deploy (Zeebe's `bindingType="deployment"`); the evaluate endpoint
 * takes the latest.
 */
export const decisionDefinitions = pgTable(
  'decision_definitions',
  {
    id: uuid().primaryKey().defaultRandom(),
    decisionId: text().notNull(),
    version: integer().notNull(),
    name: text(),
    /** The whole `.dmn` file it came from (a decision may require others of the same file). */
    resourceName: text().notNull(),
    xml: text().notNull(),
    /** The parsed decision and the decisions it requires, by id (engine/dmn `Decision`). */
    compiled: jsonb().$type<Record<string, Json>>().notNull(),
    checksum: text().notNull(),
    deploymentId: uuid()
      .notNull()
      .references(() => deployments.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('decision_definitions_id_version_uq').on(t.decisionId, t.version)],
);

export type DefinitionRow = typeof processDefinitions.$inferSelect;
export type DecisionRow = typeof decisionDefinitions.$inferSelect;
export type InstanceRow = typeof processInstances.$inferSelect;
export type TaskRow = typeof userTasks.$inferSelect;
export type TimerRow = typeof timers.$inferSelect;
export type JobRow = typeof jobs.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;
export type HistoryRow = typeof historyEvents.$inferSelect;
