/** @module The machine context (plain JSON, persisted in the snapshot) and the step environment actions read. */
import type { WorkdayCalendar } from '../calendar';
import type { Effect, HistoryEvent, Json, Vars } from '../contract';

/** Something a step opened and a later step must close: a task, timer, job, subscription, child call or incident. */
export interface Open {
  t: 'task' | 'timer' | 'job' | 'sub' | 'child' | 'incident';
  /** The element that owns it (for boundary timers/subscriptions: the boundary event). */
  el: string;
  /** Boundary events: the activity they hang on (closing the activity closes these). */
  host?: string;
  act: number;
  loopIndex?: number;
  /** Cycle timers: repetitions left (undefined = unbounded). */
  left?: number;
  cycle?: string;
  localVars?: Vars;
  /** Subscriptions of non-interrupting boundary events: kept after a correlation, so re-announced with these. */
  messageName?: string;
  correlationKey?: string | null;
  /** 加签: the signer whose task this is (a user task's extra task item). */
  signer?: string;
  /** 'signal' for a signal subscription (re-announced as one). */
  kind?: 'signal';
}

/** 加签: one added signer of a user task (elements/task/signers.ts has the semantics). */
export interface Signer {
  user: string;
  mode: 'before' | 'after' | 'parallel';
  key: string;
  state: 'waiting' | 'open' | 'signed' | 'removed';
}

/** 加签: the signers of a user task's current activation and where its holder is. */
export interface SignerState {
  act: number;
  /** The holder's current task key (`el#act`, or `el#act~n` once reopened). */
  holderKey: string;
  holder: 'open' | 'away' | 'done';
  assignee: string;
  dueAt?: string;
  seq: number;
  list: Signer[];
}

export interface MultiInstance {
  items: Json[];
  completed: number;
  /** Next item index to open (sequential) or items.length (parallel). */
  next: number;
  outputs: Json[];
  /** completionCondition held: the remaining instances are cancelled. */
  stop: boolean;
  /** Multi-instance subprocess: spawned body children by actor id → item index. */
  spawned?: Record<string, number>;
}

export interface Ctx {
  vars: Vars;
  /** Activation counter per element id. */
  act: Record<string, number>;
  open: Record<string, Open>;
  /** Gateway decisions: flow ids to take, set on entry, read by the transition guards. */
  route: Record<string, string[]>;
  mi: Record<string, MultiInstance>;
  /** Live side-path children (non-interrupting boundary paths) by actor id. */
  paths: Record<string, true>;
  /** In a side-path child: the activation every element of the path takes (its spawn number). 0 in a root. */
  seq: number;
  /** In a spawned child: the variable names it wrote (its output when it ends). */
  written?: string[];
  /** Token regions only (compile/token-scope.ts): token counts by flow, element and scope. */
  tok?: Record<string, number>;
  /** Compensation only: completed activities with a handler, per scope (completion order), and each throw's queue of handlers. */
  comp?: Record<string, string[]>;
  compQ?: Record<string, string[]>;
  /** Counter for side-path spawns and incident keys. */
  counter: number;
  startEventId?: string;
  businessKey?: string;
  /** 加签: the added signers of a user task's current activation, by element id (elements/task/signers.ts). */
  signers?: Record<string, SignerState>;
  /** A moved-to user task reopens for this assignee (退回: the one who completed it last); consumed on entry. */
  reopen?: Record<string, { assignee?: string }>;
}

export function initialContext(vars: Vars, extra?: Partial<Ctx>): Ctx {
  return { vars, act: {}, open: {}, route: {}, mi: {}, paths: {}, seq: 0, counter: 0, ...extra };
}

/** Per-step environment: the clock's now (the event's `at`), the calendar, and where effects go. */
export interface StepEnv {
  at: string;
  calendar: WorkdayCalendar;
  actor?: string;
  effects: Effect[];
}

// XState actions get (context, event, params) only; the step's clock, calendar and effect list are set here for the
// duration of one synchronous send (the whole macrostep, children included) and cleared afterwards.
let current: StepEnv | null = null;

export function runInStep<T>(env: StepEnv, fn: () => T): T {
  const previous = current;
  current = env;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

export function stepEnv(): StepEnv {
  if (!current) throw new Error('engine action ran outside a step');
  return current;
}

export const emit = (effect: Effect) => stepEnv().effects.push(effect);

export function history(type: string, elementId?: string, data?: Json) {
  const env = stepEnv();
  const event: HistoryEvent = { at: env.at, type };
  if (elementId) event.elementId = elementId;
  if (env.actor) event.actor = env.actor;
  if (data !== undefined) event.data = data;
  emit({ type: 'history', event });
}

/** Keys: deterministic and unique within an instance, so the runtime can upsert by (instanceId, key). */
export const keyOf = (el: string, act: number, loopIndex?: number) =>
  loopIndex === undefined ? `${el}#${act}` : `${el}#${act}/${loopIndex}`;
