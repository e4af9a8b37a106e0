/**
 * @module The contract between the pure engine (compile + step) and the durable runtime that persists it.
 * The engine computes; the runtime stores. Everything here is plain JSON so it can go into jsonb columns.
 */

/** A JSON value (variables, snapshots, effect payloads). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Vars = Record<string, Json>;

/** Identifies one activation of an element (a loop reopening `revise` is a new activation). */
export interface ElementRef {
  elementId: string;
  activation: number;
  /** Multi-instance item index, when the activation belongs to a multi-instance body. */
  loopIndex?: number;
}

/** Problems found at deploy time: one per element and rule, in Chinese and English. */
export interface ValidationIssue {
  elementId: string | null;
  code: string;
  message: string;
  messageEn: string;
  severity?: 'error' | 'warning';
}

/** What a step asks the runtime to do, in the same transaction as the snapshot write. */
export type Effect =
  | ({ type: 'task.opened'; taskKey: string; name: string } & ElementRef & TaskSpec)
  | { type: 'task.closed'; taskKey: string; reason: 'completed' | 'cancelled' }
  | ({ type: 'timer.scheduled'; timerKey: string; dueAt: string } & ElementRef & TimerSpec)
  | { type: 'timer.cancelled'; timerKey: string }
  | ({
      type: 'job.created';
      jobKey: string;
      jobType: string;
      retries: number;
      headers: Record<string, string>;
      variables: Vars;
    } & ElementRef)
  | { type: 'job.cancelled'; jobKey: string }
  | ({
      type: 'message.subscribed';
      subscriptionKey: string;
      messageName: string;
      correlationKey: string | null;
      /** 'signal' for a signal catch/boundary: no correlation key, and a broadcast takes every such row. */
      kind?: 'signal';
    } & ElementRef)
  | { type: 'message.unsubscribed'; subscriptionKey: string }
  /** Signal intermediate throw / end: the runtime broadcasts it after this step, in its transaction. */
  | ({ type: 'signal.broadcast'; signalName: string; variables: Vars } & ElementRef)
  | ({
      type: 'incident.raised';
      incidentKey: string;
      errorType: string;
      message: string;
      expression?: string;
    } & ElementRef)
  | { type: 'incident.resolved'; incidentKey: string }
  /** Call activity: the runtime starts a child instance of `processId` and links it to this one. */
  | ({
      type: 'child.start';
      childKey: string;
      processId: string;
      variables: Vars;
      businessKey?: string;
    } & ElementRef)
  | { type: 'child.cancel'; childKey: string }
  | { type: 'history'; event: HistoryEvent };

export interface TaskSpec {
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueAt?: string;
  /** True when the due date reaches past the calendar's known years (docs/processes.md, "Deadlines"). */
  dueProvisional?: boolean;
  followUpAt?: string;
  formKey?: string;
  priority?: number;
  /** Variables local to this task (multi-instance `inputElement`). */
  localVars?: Vars;
}

export interface TimerSpec {
  /** ISO 8601 repeating interval for cycle timers (R3/PT1H, R/P1D); the runtime reschedules after each fire. */
  cycle?: string;
  /** Remaining repetitions (undefined = unbounded). */
  repetitionsLeft?: number;
  /** Boundary timers: whether firing interrupts the activity. */
  interrupting?: boolean;
}

export interface HistoryEvent {
  /** ISO 8601 time of the event (from the engine's clock, carried in the step's input event). */
  at: string;
  type: string; // instance.started, element.activated, element.completed, task.created, timer.fired, ...
  elementId?: string;
  actor?: string;
  data?: Json;
}

/** Events the runtime sends into an instance. Every event carries `at` (the clock's now) so steps are pure. */
export type EngineEvent =
  /** `taskKey`: the completed task row's key (a signer's or a reopened holder's task); default `elementId#activation`. */
  | ({ type: 'task.complete'; variables: Vars; actor?: string; taskKey?: string } & ElementRef & At)
  /** 加签 by the holder of the open task `taskKey` (elements/task/signers.ts); `holder` gets the task back after `before`. */
  | ({
      type: 'task.addSigners';
      taskKey: string;
      usernames: string[];
      mode: 'before' | 'after' | 'parallel';
      holder: string;
      dueAt?: string;
      comment?: string;
      actor?: string;
    } & ElementRef &
      At)
  /** 减签: signers of the element's current activation who have not signed. */
  | ({ type: 'task.removeSigners'; usernames: string[]; actor?: string } & ElementRef & At)
  | ({ type: 'timer.fire'; timerKey: string } & ElementRef & At)
  | ({ type: 'message.correlate'; messageName: string; variables: Vars } & ElementRef & At)
  | ({ type: 'job.complete'; variables: Vars } & ElementRef & At)
  /** A worker threw a BPMN error (caught by an error boundary event) rather than failing technically. */
  | ({ type: 'job.throwError'; errorCode: string; message?: string; variables?: Vars } & ElementRef & At)
  | ({ type: 'child.completed'; variables: Vars } & ElementRef & At)
  | ({ type: 'incident.retry'; incidentKey: string } & At)
  | ({ type: 'instance.cancel'; reason?: string; actor?: string } & At)
  /**
   * Move tokens (退回, 撤回, modification; compile/moves.ts): each container holding a token enters the element of
   * `targets` it directly contains ('$startStep' = the reopened start step), or its end for an element of `exits`.
   * `history` names the recorded act; `assignee` is who a target user task reopens for.
   */
  | ({
      type: 'token.move';
      targets: string[];
      exits?: string[];
      history: 'task.returned' | 'instance.withdrawn' | 'instance.modified';
      from?: string;
      comment?: string;
      assignee?: string;
      /** The none start event a '$startStep' target stands for (its history and task are recorded under it). */
      startElementId?: string;
      variables?: Vars;
      actor?: string;
    } & At);

interface At {
  at: string;
}

export type InstanceStatus = 'active' | 'completed' | 'cancelled' | 'incident';

/** The result of one pure step: the persisted snapshot to store and the effects to write with it. */
export interface StepResult {
  snapshot: Json;
  effects: Effect[];
  status: InstanceStatus;
  activeElementIds: string[];
  variables: Vars;
}

/** An event that matched nothing (stale timer, old activation): the runtime answers 409 or ignores it. */
export interface StepRejected {
  rejected: true;
  reason: string;
}

/** One executable process of a deployed BPMN file, compiled once per deployed version and stored as JSON. */
export interface CompiledProcess {
  processId: string;
  name?: string;
  /** Pure-JSON XState 5 machine config (state keys = element ids, `meta.bpmn` on each state). */
  machine: Json;
  /** Facts the runtime and the server need without walking the machine. */
  info: {
    /** Form of the none start event, if any (`zeebe:formDefinition formId`). */
    startFormKey?: string;
    userTasks: { elementId: string; name?: string; formKey?: string }[];
    /** Timer start events: the runtime schedules these per deployed (latest) version. */
    timerStarts: { elementId: string; timeCycle?: string; timeDate?: string }[];
    messageStarts: { elementId: string; messageName: string }[];
    calledProcessIds: string[];
    /** Signal start events: a broadcast of that name starts an instance (absent in definitions compiled before #13). */
    signalStarts?: { elementId: string; signalName: string }[];
    /** Decisions the business rule tasks call (`zeebe:calledDecision decisionId`). */
    calledDecisionIds?: string[];
  };
}

export type CompileResult =
  | { ok: true; processes: CompiledProcess[]; warnings: ValidationIssue[] }
  | { ok: false; issues: ValidationIssue[] };

/** Input of starting an instance. */
export interface StartInput {
  variables: Vars;
  at: string;
  businessKey?: string;
  actor?: string;
  /** Which start event (timer/message start); default the none start event. */
  startEventId?: string;
}

/** Options of compileBpmn. */
export interface CompileOptions {
  /** Largest accepted XML in bytes (default 5 MB). */
  maxBytes?: number;
  /**
   * Deployed DMN decisions by id (engine/dmn `Decision`): a business rule task embeds the one it calls and those it
   * requires, so a step never reads the database. Without it the task raises an incident when it runs.
   */
  decisions?: Record<string, import('./dmn/types').Decision>;
}

/** Options of startProcess/stepProcess: the working-day calendar FEEL `workday()` and due dates use (default: the official one). */
export interface StepOptions {
  calendar?: import('./calendar').WorkdayCalendar;
}

/**
 * The engine's public functions (engine/index.ts), all pure:
 *   compileBpmn(xml: string, options?: CompileOptions): Promise<CompileResult>
 *     (async only because bpmn-moddle's parser is; it does no I/O)
 *   startProcess(process: CompiledProcess, input: StartInput, options?: StepOptions): StepResult            (synchronous)
 *   stepProcess(process: CompiledProcess, snapshot: Json, event: EngineEvent, options?: StepOptions): StepResult | StepRejected  (synchronous)
 * `StepOptions` carries the working-day calendar used by FEEL `workday()`.
 */
export type EngineFunctions = never;
