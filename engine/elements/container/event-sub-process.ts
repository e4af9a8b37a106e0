/**
 * @module Event subprocess (timer, message, error or escalation start; interrupting or not; in the process or in a subprocess).
 * It is a trigger the enclosing scope arms while the scope runs, much like a boundary event on the scope itself:
 *
 * - the scope arms every start on entry (timers, subscriptions keyed `start#activation-of-the-scope`) and closes
 *   them on exit; errors are caught from the scope's body by code (never from inside the event subprocess itself);
 * - interrupting: the trigger leaves the scope's body (its exit actions cancel tasks, timers, jobs, as any exit does)
 *   for the event subprocess's compound state, whose end is the scope's end;
 * - non-interrupting: the body keeps running and the event subprocess runs as a spawned, persisted side path (as a
 *   non-interrupting boundary path does), once per trigger; a message subscription is announced again, a timer
 *   cycle keeps firing.
 *
 * In a subprocess the body is wrapped in a `$body` state carrying the triggers; at the top level they sit on the root
 * (the root's start states stay where the runtime looks for them). Nothing is added to processes without one.
 */
import { enqueueActions } from 'xstate';
import { issue } from '../../bpmn/issue';
import { isNonInterrupting } from '../../bpmn/scope-graph';
import { esc } from '../../compile/keys';
import type { ValidationIssue } from '../../contract';
import { type ChildRef, closeChild } from '../../exec/children';
import { closeOwned, consumedKey } from '../../exec/closing';
import type { Ctx } from '../../exec/context';
import { history } from '../../exec/context';
import type { ModelElement, ProcessModel } from '../../types';
import { type MessageSpec, messageSpec, subscribe } from '../behaviors/message';
import { scheduleTimer, timerDef } from '../behaviors/timer';
import type { TimerDef } from '../../exec/timers';
import { type Cfg, type ElementHandler, meta, type Params, type StateConfig } from '../element-handler';
import { isInterruptingStart, triggerKindOf } from '../event/event-sub-process-start';
import { signalSpec } from '../event/signal-spec';

interface Arm {
  el: string;
  timer?: TimerDef | null;
  message?: MessageSpec | null;
  interrupting: boolean;
}

/** Where a scope's event-subprocess triggers are armed: the items are owned by this pseudo element. */
export const triggersHost = (scopeId: string) => `${scopeId}$events`;

export function eventSubProcessesOf(model: ProcessModel, scopeId: string): ModelElement[] {
  const ids = model.scopes.get(scopeId)?.elements ?? [];
  return ids.map((id) => model.elements.get(id) as ModelElement).filter((e) => e?.kind === 'eventSubProcess');
}

export function startOf(model: ProcessModel, evsub: ModelElement): ModelElement | undefined {
  return (model.scopes.get(evsub.id)?.elements ?? [])
    .map((id) => model.elements.get(id) as ModelElement)
    .find((e) => e?.kind === 'eventSubProcessStart');
}

/** Every element inside a scope, nested scopes included. */
export function innerIds(model: ProcessModel, scopeId: string): string[] {
  return (model.scopes.get(scopeId)?.elements ?? []).flatMap((id) =>
    model.scopes.has(id) ? [id, ...innerIds(model, id)] : [id],
  );
}

export const isNonInterruptingEventSubProcess = (model: ProcessModel, evsub: ModelElement) => {
  const s = startOf(model, evsub);
  return !!s && triggerKindOf(s) !== 'compensation' && !isInterruptingStart(s);
};

/**
 * The origins of the spawned paths that run inside a scope and end with it when it is interrupted: its
 * non-interrupting event subprocesses and the non-interrupting boundary events of the activities in it, nested
 * scopes included (paths are keyed `<origin>#<spawn>` in ctx.paths of the machine that runs the scope).
 */
export function pathOriginsIn(model: ProcessModel, scopeId: string, except: string[] = []): string[] {
  return innerIds(model, scopeId).filter((id) => {
    const e = model.elements.get(id) as ModelElement;
    if (except.includes(id)) return false;
    return e.kind === 'eventSubProcess' ? isNonInterruptingEventSubProcess(model, e) : isNonInterrupting(e);
  });
}

/** Stopping a scope's paths: `unlessDone` spares them when the scope is left by completing (its own done event). */
export const stopPathsAction = (origins: string[], scope: string, unlessDone = false) => ({
  type: 'evsub.stopPaths',
  params: { origins, scope, ...(unlessDone ? { unlessDone } : {}) },
});

/** Emit the closing effects of a stopped child and of every child it spawned in turn (their exits do not run). */
export function closeTree(child: ChildRef) {
  closeChild(child);
  const snap = child?.getSnapshot() as { children?: Record<string, ChildRef> } | undefined;
  for (const c of Object.values(snap?.children ?? {})) closeTree(c);
}

const stopPaths = enqueueActions(({ context, event, enqueue, self }, p: Params) => {
  // A scope left by completing has waited for its event-subprocess paths ($drain); reminder paths outlive it.
  if (p.unlessDone && event.type.startsWith('xstate.done.state.')) return;
  const ctx = context as Ctx;
  const ids = Object.keys(ctx.paths).filter((id) => p.origins.includes(id.slice(0, id.lastIndexOf('#'))));
  if (!ids.length) return;
  const children = self.getSnapshot().children as Record<string, ChildRef>;
  const paths = { ...ctx.paths };
  for (const id of ids) {
    closeTree(children[id]);
    enqueue.stopChild(id);
    delete paths[id];
  }
  enqueue.assign({ paths });
  history('side-paths.stopped', p.scope, { pathIds: ids });
});

/** An event subprocess with a compensation start: its scope's compensation handler. */
export const isCompensationEventSubProcess = (model: ProcessModel, evsub: ModelElement) => {
  const s = startOf(model, evsub);
  return !!s && triggerKindOf(s) === 'compensation';
};

export interface ScopeTriggers {
  entry: Cfg[];
  on: Record<string, Cfg[]>;
  /** Interrupting event subprocesses: their compound states, siblings of the scope's body. */
  states: Record<string, StateConfig>;
}

/**
 * The triggers a scope carries for its event subprocesses. `target` prefixes the state key of an interrupting event
 * subprocess ('' for a sibling, '.' for a child of the root); `body(id)` compiles an event subprocess's own body.
 */
export function scopeTriggers(
  model: ProcessModel,
  scopeId: string,
  target: string,
  body: (id: string) => StateConfig,
): ScopeTriggers | null {
  // A compensation event subprocess is no trigger: a compensation throw runs it (compensation-throw-event.ts).
  const evsubs = eventSubProcessesOf(model, scopeId).filter((e) => !isCompensationEventSubProcess(model, e));
  if (!evsubs.length) return null;
  const host = triggersHost(scopeId);
  const arm: Arm[] = [];
  const on: Record<string, Cfg[]> = {};
  const states: Record<string, StateConfig> = {};
  const add = (ev: string, t: Cfg) => {
    on[ev] = [...(on[ev] ?? []), t];
  };
  for (const evsub of evsubs) {
    const start = startOf(model, evsub);
    const kind = start && triggerKindOf(start);
    if (!start || !kind || kind === 'compensation') continue;
    const interrupting = isInterruptingStart(start);
    if (kind === 'timer') arm.push({ el: start.id, timer: timerDef(start), interrupting });
    if (kind === 'message') arm.push({ el: start.id, message: messageSpec(start), interrupting });
    if (kind === 'signal') arm.push({ el: start.id, message: signalSpec(start), interrupting });
    const fired: Cfg[] = [{ type: 'evsub.triggered', params: { el: evsub.id, start: start.id } }];
    if (kind === 'timer') fired.push({ type: 'timer.fired' });
    if (kind === 'message' || kind === 'signal')
      fired.push({ type: interrupting ? 'message.correlated' : 'message.correlatedKeep' });
    if (kind === 'error') fired.push({ type: 'error.caught', params: { el: start.id } });
    if (kind === 'escalation') fired.push({ type: 'escalation.caught', params: { el: start.id } });
    const event = {
      timer: 'timer.fire',
      message: 'message.correlate',
      signal: 'message.correlate',
      error: 'bpmn.error',
      escalation: 'bpmn.escalation',
    }[kind];
    const def = start.source.eventDefinitions?.[0];
    const code: string | null = def?.errorRef?.errorCode ?? def?.escalationRef?.escalationCode ?? null;
    // Errors and escalations are caught from the scope's body, never from inside the event subprocess itself.
    const guard =
      kind === 'error' || kind === 'escalation'
        ? { type: 'evsub.codeMatches', params: { code, inside: innerIds(model, evsub.id) } }
        : { type: kind === 'timer' ? 'timer.matches' : 'message.matches', params: { el: start.id } };
    if (!interrupting) {
      add(event, { guard, actions: [...fired, { type: 'side.spawn', params: { boundary: evsub.id } }] });
      continue;
    }
    add(event, {
      guard,
      target: `${target}${esc(evsub.id)}`,
      actions: [
        { type: 'evsub.disarm', params: { host } },
        // The scope is interrupted: the paths spawned in it (other event subprocesses, reminders) end too. At the
        // top level that is every spawned path of the instance.
        ...(target === '.' ? [{ type: 'paths.stopAll' }] : stopPath(model, scopeId, evsub.id)),
        ...fired,
      ],
    });
    const inner = body(evsub.id);
    states[evsub.id] = {
      meta: meta(evsub),
      entry: [{ type: 'element.activate', params: { el: evsub.id } }],
      exit: [{ type: 'element.close', params: { el: evsub.id } }],
      initial: inner.initial,
      states: inner.states,
      onDone: { target: '$end', actions: [{ type: 'element.complete', params: { el: evsub.id } }] },
    };
  }
  const entry = arm.length ? [{ type: 'evsub.arm', params: { actOf: scopeId, host, arm } }] : [];
  if (arm.length)
    add('incident.retry', {
      guard: { type: 'incident.matches', params: { els: arm.map((a) => a.el) } },
      actions: [{ type: 'incident.resolve' }, { type: 'evsub.rearm', params: { actOf: scopeId, host, arm } }],
    });
  return { entry, on, states };
}

function stopPath(model: ProcessModel, scopeId: string, evsubId: string): Cfg[] {
  const origins = pathOriginsIn(model, scopeId, [evsubId, ...innerIds(model, evsubId)]);
  return origins.length ? [stopPathsAction(origins, scopeId)] : [];
}

/** A subprocess body with event subprocesses: `$body` (the ordinary body, carrying the triggers) beside them. */
export function wrapScopeBody(
  model: ProcessModel,
  scopeId: string,
  inner: { initial: string; states: Record<string, StateConfig> },
  body: (id: string) => StateConfig,
): StateConfig {
  const t = scopeTriggers(model, scopeId, '', body);
  if (!t) return inner;
  // The subprocess completes only when the instances of its non-interrupting event subprocesses have too (BPMN).
  const paths = eventSubProcessesOf(model, scopeId)
    .filter((e) => isNonInterruptingEventSubProcess(model, e))
    .map((e) => e.id);
  const drain: Record<string, StateConfig> = paths.length
    ? { $drain: { always: { guard: { type: 'evsub.pathsDone', params: { paths } }, target: '$end' } } }
    : {};
  return {
    initial: '$body',
    states: {
      $body: {
        initial: inner.initial,
        states: inner.states,
        entry: t.entry,
        exit: [{ type: 'element.close', params: { el: triggersHost(scopeId) } }],
        on: t.on,
        onDone: paths.length ? '$drain' : '$end',
      },
      ...drain,
      ...t.states,
      $end: { type: 'final' },
    },
  };
}

/** The top level: triggers on the root itself, event subprocess states as root children. */
export function addRootTriggers(
  model: ProcessModel,
  root: Record<string, any>,
  body: (id: string) => StateConfig,
): void {
  const t = scopeTriggers(model, model.id, '.', body);
  if (!t) return;
  root.entry = [...(root.entry ?? []), ...t.entry];
  Object.assign(root.states, t.states);
  for (const [ev, ts] of Object.entries(t.on)) {
    const existing = root.on[ev];
    root.on[ev] = [...ts, ...(existing ? (Array.isArray(existing) ? existing : [existing]) : [])];
  }
  // The instance is over: the triggers of the top level are closed with it.
  root.states.$done.entry = [
    { type: 'element.close', params: { el: triggersHost(model.id) } },
    ...root.states.$done.entry,
  ];
}

function armAll(ctx: Ctx, p: { actOf: string; host: string; arm: Arm[] }, only?: string): Ctx {
  let next = ctx;
  for (const a of p.arm) {
    if (only && a.el !== only) continue;
    if (a.timer) next = scheduleTimer(next, a.el, a.timer, p.actOf, p.host, a.interrupting);
    else if (a.message) next = subscribe(next, a.el, a.message, p.actOf, p.host);
  }
  return next;
}

export const eventSubProcess: ElementHandler<'eventSubProcess'> = {
  kind: 'eventSubProcess',
  validate: (el, model) => {
    const out: ValidationIssue[] = [];
    const starts = (model.scopes.get(el.id)?.elements ?? []).filter((id) =>
      ['startEvent', 'eventSubProcessStart'].includes(model.elements.get(id)?.kind ?? ''),
    );
    const start = startOf(model, el);
    if (starts.length !== 1 || !start)
      out.push(
        issue(
          el.id,
          'event-subprocess.start',
          '事件子流程必须恰有一个带触发定义的开始事件（定时、消息、错误或升级）',
          'an event subprocess needs exactly one start event with a trigger (timer, message, error or escalation)',
        ),
      );
    if (el.incoming.length || el.outgoing.length || el.boundaries.length)
      out.push(
        issue(
          el.id,
          'event-subprocess.flows',
          '事件子流程不能有顺序流或边界事件',
          'an event subprocess cannot have sequence flows or boundary events',
        ),
      );
    // A compensation event subprocess is its subprocess's handler, run when that completed subprocess is
    // compensated; a process or a multi-instance subprocess is never compensated as a whole here, so it never would.
    const holder = model.elements.get(el.scopeId);
    if (isCompensationEventSubProcess(model, el) && (holder?.kind !== 'subProcess' || holder.loop))
      out.push(
        issue(
          el.id,
          'event-subprocess.compensation-scope',
          '补偿事件子流程只能放在普通（非多实例）嵌入子流程中，作为该子流程的补偿处理',
          'a compensation event subprocess belongs in an embedded (not multi-instance) subprocess, as its compensation handler',
        ),
      );
    if (el.loop)
      out.push(
        issue(
          el.id,
          'event-subprocess.multi-instance',
          '事件子流程不能是多实例',
          'an event subprocess cannot be multi-instance',
        ),
      );
    return out;
  },
  compile: () => null,
  xstateActions: { 'evsub.stopPaths': stopPaths },
  actions: {
    'evsub.arm': (ctx, _e, p) => armAll(ctx, p),
    'evsub.rearm': (ctx, e, p) => {
      const el = /^(.*)#\d+!\d+$/.exec(String(e.incidentKey))?.[1];
      return el ? armAll(ctx, p, el) : ctx;
    },
    // An interrupting trigger ends the scope's other triggers (the consumed one is closed by its own action).
    'evsub.disarm': (ctx, e, p) => closeOwned(ctx, p.host, consumedKey(e)),
    'evsub.triggered': (ctx, _e, p) => {
      history('event-subprocess.triggered', p.el, { startEventId: p.start });
      return ctx;
    },
  },
  guards: {
    // Spawned paths are keyed `<event subprocess>#<spawn number>` in ctx.paths.
    'evsub.pathsDone': (ctx, _e, p) =>
      !Object.keys(ctx.paths).some((id) => p.paths.includes(id.slice(0, id.lastIndexOf('#')))),
    'evsub.codeMatches': (_ctx, e, p) =>
      (p.code === null || p.code === e.code) && !p.inside.includes(e.elementId),
  },
};
