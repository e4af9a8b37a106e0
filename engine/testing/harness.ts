/**
 * @module In-memory harness: deploy XML → start → send events → assert the event trail and active elements.
 * It JSON-stringifies and restores the snapshot after EVERY step (durability is proven here), and keeps the open
 * tasks/timers/jobs/subscriptions/incidents/children by applying the effects, as the durable runtime does.
 */
import type { WorkdayCalendar } from '../calendar';
import type {
  CompiledProcess,
  CompileOptions,
  Effect,
  EngineEvent,
  HistoryEvent,
  InstanceStatus,
  Json,
  StepRejected,
  StepResult,
  Vars,
} from '../contract';
import { compileBpmn, startProcess, stepProcess } from '../index';
import { addDuration } from '../exec/timers';

type Of<T extends Effect['type']> = Extract<Effect, { type: T }>;

export interface HarnessOptions {
  processId?: string;
  /** Start time of the harness clock (ISO). */
  now?: string;
  calendar?: WorkdayCalendar;
  /** Deployed DMN decisions the business rule tasks call (compileBpmn's `decisions`). */
  decisions?: CompileOptions['decisions'];
}

export async function deploy(xml: string, options: HarnessOptions = {}): Promise<Harness> {
  const r = await compileBpmn(xml, options.decisions ? { decisions: options.decisions } : undefined);
  if (!r.ok)
    throw new Error(
      `does not compile:\n${r.issues.map((i) => `${i.elementId}: ${i.code} ${i.messageEn}`).join('\n')}`,
    );
  const process = options.processId
    ? r.processes.find((p) => p.processId === options.processId)
    : r.processes[0];
  if (!process) throw new Error(`no process ${options.processId}`);
  return new Harness(process, options);
}

export class Harness {
  now: string;
  snapshot: string | null = null;
  status: InstanceStatus = 'active';
  active: string[] = [];
  vars: Vars = {};
  readonly effects: Effect[] = [];
  readonly history: HistoryEvent[] = [];
  readonly tasks = new Map<string, Of<'task.opened'>>();
  readonly timers = new Map<string, Of<'timer.scheduled'>>();
  readonly jobs = new Map<string, Of<'job.created'>>();
  readonly subscriptions = new Map<string, Of<'message.subscribed'>>();
  readonly incidents = new Map<string, Of<'incident.raised'>>();
  readonly children = new Map<string, Of<'child.start'>>();

  constructor(
    readonly process: CompiledProcess,
    readonly options: HarnessOptions,
  ) {
    this.now = options.now ?? '2026-03-02T01:00:00.000Z';
  }

  /** History as `type:elementId` strings, the easiest trail to assert on. */
  get trail(): string[] {
    return this.history.map((h) => (h.elementId ? `${h.type}:${h.elementId}` : h.type));
  }

  start(
    variables: Vars = {},
    extra: { startEventId?: string; businessKey?: string; actor?: string } = {},
  ): this {
    this.apply(
      startProcess(this.process, { variables, at: this.now, ...extra }, { calendar: this.options.calendar }),
    );
    return this;
  }

  /** Send a raw event; returns the rejection instead of throwing. */
  send(event: DistributiveOmit<EngineEvent, 'at'>): StepResult | StepRejected {
    if (!this.snapshot) throw new Error('start the instance first');
    const restored = JSON.parse(this.snapshot) as Json;
    const r = stepProcess(this.process, restored, { ...event, at: this.now } as EngineEvent, {
      calendar: this.options.calendar,
    });
    if (!('rejected' in r)) this.apply(r);
    return r;
  }

  private must(event: DistributiveOmit<EngineEvent, 'at'>): this {
    const r = this.send(event);
    if ('rejected' in r) throw new Error(`rejected: ${r.reason}`);
    return this;
  }

  task(elementId: string, loopIndex?: number): Of<'task.opened'> {
    const found = [...this.tasks.values()].filter(
      (t) => t.elementId === elementId && (loopIndex === undefined || t.loopIndex === loopIndex),
    );
    if (!found.length)
      throw new Error(`no open task ${elementId}; open: ${[...this.tasks.keys()].join(', ') || 'none'}`);
    return found[found.length - 1];
  }

  completeTask(
    elementId: string,
    variables: Vars = {},
    opts: { loopIndex?: number; actor?: string } = {},
  ): this {
    const t = this.task(elementId, opts.loopIndex);
    return this.must({
      type: 'task.complete',
      elementId,
      activation: t.activation,
      loopIndex: t.loopIndex,
      variables,
      actor: opts.actor,
    });
  }

  timer(elementId: string): Of<'timer.scheduled'> {
    const t = [...this.timers.values()].find((x) => x.elementId === elementId);
    if (!t)
      throw new Error(
        `no scheduled timer ${elementId}; scheduled: ${[...this.timers.keys()].join(', ') || 'none'}`,
      );
    return t;
  }

  /** Move the clock to the timer's due time and fire it. */
  fireTimer(elementId: string): this {
    const t = this.timer(elementId);
    if (t.dueAt > this.now) this.now = t.dueAt;
    const r = this.must({
      type: 'timer.fire',
      timerKey: t.timerKey,
      elementId: t.elementId,
      activation: t.activation,
    });
    // As the runtime does: a cycle with repetitions left is rescheduled, anything else is gone.
    const still = this.timers.get(t.timerKey);
    if (still === t) {
      if (t.cycle && t.repetitionsLeft !== 0) {
        const period = t.cycle.split('/').pop() as string;
        const left = t.repetitionsLeft === undefined ? undefined : t.repetitionsLeft - 1;
        this.timers.set(t.timerKey, {
          ...t,
          dueAt: addDuration(t.dueAt, period) as string,
          repetitionsLeft: left,
        });
      } else this.timers.delete(t.timerKey);
    }
    return r;
  }

  correlate(messageName: string, variables: Vars = {}, correlationKey?: string | null): this {
    const s = [...this.subscriptions.values()].find(
      (x) =>
        x.messageName === messageName &&
        (correlationKey === undefined || x.correlationKey === correlationKey),
    );
    if (!s) throw new Error(`no subscription for ${messageName}`);
    // Correlation consumes the subscription, as the runtime marks its row; a kept one is announced again.
    this.subscriptions.delete(s.subscriptionKey);
    return this.must({
      type: 'message.correlate',
      messageName,
      elementId: s.elementId,
      activation: s.activation,
      variables,
    });
  }

  /** Broadcasts a signal as the runtime does: every signal subscription of that name still waiting gets it, one step each. */
  signal(signalName: string, variables: Vars = {}): this {
    const subs = [...this.subscriptions.values()].filter(
      (x) => x.kind === 'signal' && x.messageName === signalName,
    );
    if (!subs.length) throw new Error(`no signal subscription for ${signalName}`);
    for (const s of subs) {
      // An earlier delivery may have left the element that waited (an event-based gateway's other catch).
      if (!this.subscriptions.has(s.subscriptionKey)) continue;
      this.subscriptions.delete(s.subscriptionKey);
      this.must({
        type: 'message.correlate',
        messageName: signalName,
        elementId: s.elementId,
        activation: s.activation,
        variables,
      });
    }
    return this;
  }

  /** The signals this instance threw (`signal.broadcast` effects), in order. */
  get broadcasts(): Of<'signal.broadcast'>[] {
    return this.effects.filter((e): e is Of<'signal.broadcast'> => e.type === 'signal.broadcast');
  }

  job(elementId: string): Of<'job.created'> {
    const j = [...this.jobs.values()].find((x) => x.elementId === elementId);
    if (!j) throw new Error(`no job for ${elementId}; jobs: ${[...this.jobs.keys()].join(', ') || 'none'}`);
    return j;
  }

  completeJob(elementId: string, variables: Vars = {}): this {
    const j = this.job(elementId);
    this.jobs.delete(j.jobKey);
    return this.must({ type: 'job.complete', elementId, activation: j.activation, variables });
  }

  throwError(elementId: string, errorCode: string, message?: string): this {
    const j = this.job(elementId);
    this.jobs.delete(j.jobKey);
    return this.must({ type: 'job.throwError', elementId, activation: j.activation, errorCode, message });
  }

  completeChild(elementId: string, variables: Vars = {}): this {
    const c = [...this.children.values()].find((x) => x.elementId === elementId);
    if (!c) throw new Error(`no child call from ${elementId}`);
    this.children.delete(c.childKey);
    return this.must({ type: 'child.completed', elementId, activation: c.activation, variables });
  }

  retryIncident(elementId?: string): this {
    const i = [...this.incidents.values()].find((x) => elementId === undefined || x.elementId === elementId);
    if (!i) throw new Error('no open incident');
    return this.must({ type: 'incident.retry', incidentKey: i.incidentKey });
  }

  cancel(reason?: string): this {
    return this.must({ type: 'instance.cancel', reason });
  }

  /** Advance the harness clock by an ISO duration. */
  advance(duration: string): this {
    this.now = addDuration(this.now, duration) as string;
    return this;
  }

  private apply(r: StepResult) {
    // Durability: only the JSON text survives between steps.
    this.snapshot = JSON.stringify(r.snapshot);
    this.status = r.status;
    this.active = r.activeElementIds;
    this.vars = r.variables;
    for (const e of r.effects) {
      this.effects.push(e);
      switch (e.type) {
        case 'history':
          this.history.push(e.event);
          break;
        case 'task.opened':
          this.tasks.set(e.taskKey, e);
          break;
        case 'task.closed':
          this.tasks.delete(e.taskKey);
          break;
        case 'timer.scheduled':
          this.timers.set(e.timerKey, e);
          break;
        case 'timer.cancelled':
          this.timers.delete(e.timerKey);
          break;
        case 'job.created':
          this.jobs.set(e.jobKey, e);
          break;
        case 'job.cancelled':
          this.jobs.delete(e.jobKey);
          break;
        case 'message.subscribed':
          this.subscriptions.set(e.subscriptionKey, e);
          break;
        case 'message.unsubscribed':
          this.subscriptions.delete(e.subscriptionKey);
          break;
        case 'incident.raised':
          this.incidents.set(e.incidentKey, e);
          break;
        case 'incident.resolved':
          this.incidents.delete(e.incidentKey);
          break;
        case 'child.start':
          this.children.set(e.childKey, e);
          break;
        case 'child.cancel':
          this.children.delete(e.childKey);
          break;
      }
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
