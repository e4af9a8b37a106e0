/**
 * @module Zeebe execution listeners (8.6+): `zeebe:executionListener eventType="start|end" type retries` on an
 * element runs as jobs, one after another: start listeners before the element is activated, end listeners after it
 * completes (not when it is interrupted), each completed by a worker like a service task's job. A listener job's
 * element id is `<element>$start<i>` / `<element>$end<i>`, so its key never meets the element's own job. A BPMN error
 * thrown from a listener is an incident (Zeebe does not catch it either); its retry creates the job again.
 *
 * The compiler wraps the element's state (`withExecutionListeners`): the start chain takes the element's key (so the
 * flows into it reach the first listener) and the element moves to `<element>$run`; each completing transition of
 * the element is sent through an end chain before its target. Elements without listeners are left as they are.
 */
import type { ValidationIssue } from '../../contract';
import { issue } from '../../bpmn/issue';
import { esc } from '../../compile/keys';
import { type Ctx, emit, history, keyOf } from '../../exec/context';
import { dropItem, mergeVars, openItem, raiseIncident } from '../../exec/ops';
import type { ModelElement } from '../../types';
import { type ActionFn, type Cfg, type GuardFn, meta, type StateConfig } from '../element-handler';
import { withCompensationRecord } from './compensation';
import { taskListenersOf, validateTaskListeners } from './task-listeners';
import { ext } from './zeebe';

interface Listener {
  eventType: string;
  type: string;
  retries: number;
  headers: Record<string, string>;
}

export function listenersOf(el: ModelElement): { start: Listener[]; end: Listener[] } {
  const all: Listener[] = (ext(el.source, 'zeebe:ExecutionListeners')?.listeners ?? []).map((l: any) => {
    const headers: Record<string, string> = {};
    for (const h of l.headers?.values ?? []) headers[String(h.key)] = String(h.value ?? '');
    const retries = Number(l.retries ?? 3);
    return {
      eventType: String(l.eventType ?? ''),
      type: String(l.type ?? ''),
      retries: Number.isFinite(retries) ? retries : 3,
      headers,
    };
  });
  // A user task's creating listeners run after its start listeners, its completing ones before its end listeners.
  const task = taskListenersOf(el);
  return {
    start: [...all.filter((l) => l.eventType === 'start'), ...task.creating],
    end: [...task.completing, ...all.filter((l) => l.eventType === 'end')],
  };
}

export function validateExecutionListeners(el: ModelElement): ValidationIssue[] {
  const raw: any[] = ext(el.source, 'zeebe:ExecutionListeners')?.listeners ?? [];
  // Task listeners (behaviors/task-listeners.ts) ride on the same chains; what they cannot do is refused there.
  const taskListeners = validateTaskListeners(el);
  // A boundary event is compiled into its host's transitions: there is no state of its own to hold listener jobs.
  if (raw.length && el.attachedTo)
    return [
      issue(
        el.id,
        'listener.boundary',
        '边界事件上暂不支持执行监听器',
        'execution listeners on boundary events are not supported yet',
      ),
    ];
  return [
    ...taskListeners,
    ...raw.flatMap((l) => {
      if (!l.type)
        return [
          issue(
            el.id,
            'listener.missing-type',
            '执行监听器缺少作业类型（type）',
            'execution listener lacks a job type (type)',
          ),
        ];
      if (l.eventType !== 'start' && l.eventType !== 'end')
        return [
          issue(
            el.id,
            'listener.event-type',
            `执行监听器的事件类型只能是 start 或 end，而不是“${l.eventType ?? ''}”`,
            `an execution listener's eventType is start or end, not "${l.eventType ?? ''}"`,
          ),
        ];
      return [];
    }),
  ];
}

function listenerState(el: ModelElement, name: string, l: Listener, self: string, next: string): StateConfig {
  const lid = `${el.id}$${name}`;
  const matches = { type: 'listener.matches', params: { el: lid } };
  return {
    // The element is shown (and found as a start event) while its listeners run: Zeebe's activating/completing.
    meta: meta(el),
    entry: [
      {
        type: 'listener.job',
        params: {
          el: el.id,
          lid,
          start: name.startsWith('start'),
          jobType: l.type,
          retries: l.retries,
          headers: l.headers,
        },
      },
    ],
    exit: [{ type: 'element.close', params: { el: lid } }],
    on: {
      'job.complete': [
        { guard: matches, target: next, actions: [{ type: 'listener.completed', params: { el: lid } }] },
      ],
      'job.throwError': [{ guard: matches, actions: [{ type: 'listener.errored', params: { el: lid } }] }],
      'incident.retry': [
        {
          guard: { type: 'incident.matches', params: { els: [lid] } },
          target: self,
          reenter: true,
          actions: [{ type: 'incident.resolve' }],
        },
      ],
    },
  };
}

const completes = (t: any, el: string) =>
  Array.isArray(t?.actions) &&
  t.actions.some((a: any) => a?.type === 'element.complete' && a.params?.el === el);

/** The element's state and its listener states, keyed for its container. */
export function withExecutionListeners(el: ModelElement, compiled: StateConfig): Record<string, StateConfig> {
  // Compensable activities record their completions first (behaviors/compensation.ts); listeners wrap the result.
  const state = withCompensationRecord(el, compiled);
  const { start, end } = listenersOf(el);
  if (!start.length && !end.length) return { [el.id]: state };
  const out: Record<string, StateConfig> = {};
  const run = start.length ? `${el.id}$run` : el.id;
  start.forEach((l, i) => {
    const key = i === 0 ? el.id : `${el.id}$start${i}`;
    const next = i + 1 < start.length ? `${el.id}$start${i + 1}` : run;
    out[key] = listenerState(el, `start${i}`, l, esc(key), esc(next));
  });
  const targets: string[] = [];
  const rewrite = (t: any): any => {
    if (!t || typeof t !== 'object' || Array.isArray(t)) return t;
    // An incident retry re-enters the element itself, not its start listeners.
    if (t.target === esc(el.id)) return { ...t, target: esc(run) };
    if (!end.length || typeof t.target !== 'string' || !completes(t, el.id)) return t;
    let j = targets.indexOf(t.target);
    if (j < 0) j = targets.push(t.target) - 1;
    return { ...t, target: esc(`${el.id}$end${j}_0`) };
  };
  const all = (ts: unknown) => (Array.isArray(ts) ? ts.map(rewrite) : rewrite(ts));
  const on: Record<string, Cfg> = {};
  for (const [ev, ts] of Object.entries((state.on ?? {}) as Record<string, Cfg>)) on[ev] = all(ts);
  const wrapped: StateConfig = { ...state, on };
  if (state.always) wrapped.always = all(state.always);
  if (state.onDone) wrapped.onDone = all(state.onDone);
  out[run] = wrapped;
  targets.forEach((target, j) => {
    end.forEach((l, i) => {
      const key = `${el.id}$end${j}_${i}`;
      const next = i + 1 < end.length ? esc(`${el.id}$end${j}_${i + 1}`) : target;
      out[key] = listenerState(el, `end${i}`, l, esc(key), next);
    });
  });
  return out;
}

export const listenerActions: Record<string, ActionFn> = {
  'listener.job': (ctx, _e, p) => {
    // A start listener runs before the element's activation, so its job carries the activation to come.
    const act = p.start ? ctx.seq || (ctx.act[p.el] ?? 0) + 1 : (ctx.act[p.el] ?? ctx.seq);
    const jobKey = keyOf(p.lid, act);
    emit({
      type: 'job.created',
      jobKey,
      jobType: p.jobType,
      retries: p.retries,
      headers: p.headers,
      variables: ctx.vars,
      elementId: p.lid,
      activation: act,
    });
    return openItem(ctx, jobKey, { t: 'job', el: p.lid, act });
  },
  'listener.completed': (ctx, e, p) => {
    history('listener.completed', p.el);
    return mergeVars(dropItem(ctx, keyOf(e.elementId, e.activation)), e.variables);
  },
  'listener.errored': (ctx: Ctx, e, p) =>
    raiseIncident(
      dropItem(ctx, keyOf(e.elementId, e.activation)),
      p.el,
      'listener-error',
      `execution listener threw BPMN error ${e.errorCode}${e.message ? `: ${e.message}` : ''}`,
    ),
};

export const listenerGuards: Record<string, GuardFn> = {
  'listener.matches': (ctx, e, p) => e.elementId === p.el && ctx.open[keyOf(p.el, e.activation)]?.t === 'job',
};
