/** @module The runtime's dependencies and the shared context every command receives. */
import type { Database } from '../../platform/db/open-db';
import type {
  CompiledProcess,
  CompileResult,
  EngineEvent,
  Json,
  StartInput,
  StepRejected,
  StepResult,
  Vars,
} from '../contract';
import type { Db, DbOrTx, DefinitionRow, InstanceRow, TaskRow } from '../store';
import type { Clock } from '../../platform/clock';

/** The clock every step reads (platform/clock.ts: systemClock, createTestClock). */
export type { Clock } from '../../platform/clock';

/** The pure engine (engine/index.ts), injected so a runtime can be built over any compiler version. */
export interface EnginePort {
  compileBpmn(xml: string): CompileResult | Promise<CompileResult>;
  startProcess(process: CompiledProcess, input: StartInput, options?: StepOptions): StepResult;
  stepProcess(
    process: CompiledProcess,
    snapshot: Json,
    event: EngineEvent,
    options?: StepOptions,
  ): StepResult | StepRejected;
}
export interface StepOptions {
  calendar?: unknown;
}

/** The forms module (forms/index.ts) as the runtime needs it. */
export interface FormsPort {
  saveForm(
    db: DbOrTx,
    form: { key: string; title: string; schema: unknown; uiSchema?: unknown; createdBy?: string },
  ): Promise<{ key: string; version: number; created: boolean }>;
  latestFormVersion(db: DbOrTx, key: string): Promise<number | null | undefined>;
}

/** The person acting; roles are role keys from docs/processes.md. */
export interface RuntimeUser {
  username: string;
  unitId: string | null;
  roles: string[];
}

export type FormCheck = { ok: true } | { ok: false; details: { path: string; message: string }[] };
export type ValidateForm = (
  formKey: string,
  version: number | null,
  data: Vars,
  user: RuntimeUser | null,
) => Promise<FormCheck>;

/** A service-task worker. It runs inside the transaction that completes the job: its writes commit with the step. */
export type JobWorker = (job: {
  tx: DbOrTx;
  instanceId: string;
  processKey: string;
  elementId: string;
  jobType: string;
  headers: Record<string, string>;
  variables: Vars;
  businessKey?: string;
  // biome-ignore lint/suspicious/noConfusingVoidType: a worker with nothing to return may simply not return
}) => Promise<{ variables?: Vars } | undefined | void>;

/**
 * Which roles act county-wide (see every unit's tasks) rather than in their own unit. The role catalog is
 * identity's (identity/roles.ts `rolePolicy`); the engine may not import it, so whoever composes a runtime passes it.
 */
export interface RolePolicy {
  isCountyWide(role: string): boolean;
}

/** What a start check sees: nothing is written yet. */
export interface StartCheck {
  db: DbOrTx;
  processKey: string;
  variables: Vars;
  user: RuntimeUser;
  /** The runtime's clock at the start (business time: the test clock when set), for rules like "not in the past". */
  now?: Date;
}

/** What a completion check sees: the open task the user may complete, and the variables submitted for it. */
export interface CompleteCheck {
  db: DbOrTx;
  task: TaskRow;
  variables: Vars;
  user: RuntimeUser;
}

/**
 * A process's own rules, which the runtime calls without knowing them (workflows/ supplies them per process key).
 * Each refuses by throwing an AppError; none writes. The order follows docs/api.md: a malformed reference (404) before
 * the form (422), the form before a state conflict (409).
 */
export interface RuntimeHooks {
  /** Before the start form is checked: variables naming something that cannot exist (an id of the wrong shape). */
  checkBeforeStartForm?(check: StartCheck): Promise<void>;
  /** After the start form passed, before the instance exists (a taken code, a retired entry). */
  checkBeforeStart?(check: StartCheck): Promise<void>;
  /** After the task's form passed, before the step; run once however often the step is retried. */
  checkBeforeComplete?(check: CompleteCheck): Promise<void>;
  /** Inside the transaction that cancelled an instance: the process lets go of what it holds (an entry's lock). */
  afterCancel?(cancelled: CancelledInstance): Promise<void>;
  /** After every check passed, for a start given no business key: the process's next 业务编号, or none. */
  businessKeyFor?(start: BusinessKeyRequest): Promise<string | undefined>;
}

/** What the business-key hook sees: the definition the instance will run on, and the clock's now. */
export interface BusinessKeyRequest {
  db: DbOrTx;
  processKey: string;
  definitionId: string;
  xml: string;
  at: Date;
}

/** An instance just cancelled, and the transaction that did it (writes here commit or roll back with the cancel). */
export interface CancelledInstance {
  db: DbOrTx;
  instance: InstanceRow;
}

export interface RuntimeDeps {
  database: Database;
  clock: Clock;
  calendar: unknown;
  engine?: EnginePort;
  forms?: FormsPort;
  validateForm?: ValidateForm;
  workers?: Record<string, JobWorker>;
  /** Which roles are county-wide: identity's `rolePolicy` (engine tests pass a literal one). */
  roles: RolePolicy;
  /** The workflows' start and completion checks (workflows/ `workflowHooks`). */
  hooks?: RuntimeHooks;
  pollIntervalMs?: number;
  /** Identifies this process's job locks (default: random). */
  workerId?: string;
}

/** NOTIFY channel: a commit that created jobs wakes the job loops of every server process (PostgreSQL). */
export const WAKE_CHANNEL = 'huiliu_runtime_wake';

/** What commands share: the database, the engine, and a cache of compiled definitions (immutable once deployed). */
export interface RuntimeContext {
  database: Database;
  db: Db;
  clock: Clock;
  calendar: unknown;
  engine: EnginePort;
  forms?: FormsPort;
  validateForm?: ValidateForm;
  roles: RolePolicy;
  hooks: RuntimeHooks;
  workers: Map<string, JobWorker>;
  definitions: Map<string, DefinitionRow>;
  workerId: string;
  /** Nudges the in-process job loop after a commit that created jobs (no-op when not started). */
  onJobsCreated(): void;
  /** Set by a step that created jobs; inTransaction kicks the job loop once the transaction has committed. */
  jobsCreated?: boolean;
}
