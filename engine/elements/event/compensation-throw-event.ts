/**
 * @module Compensation intermediate throw event: runs the compensation handlers of the completed activities of its
 * scope (or of its `activityRef`), and of those inside its completed subprocesses, most recent first, then continues
 * (behaviors/compensation.ts). The handlers are
 * compiled inside this event's state, so they run with their own behaviour (a handler service task is a job).
 */
import { issue } from '../../bpmn/issue';
import { esc } from '../../compile/keys';
import type { ValidationIssue } from '../../contract';
import type { ModelElement, ProcessModel } from '../../types';
import { elementState, leave } from '../behaviors/activity';
import { compensationActions, compensationGuards } from '../behaviors/compensation';
import { eventSubProcessesOf, isCompensationEventSubProcess } from '../container/event-sub-process';
import { type CompileCtx, type ElementHandler, meta, type StateConfig } from '../element-handler';

const activityRefOf = (el: ModelElement): string | undefined =>
  el.source.eventDefinitions?.[0]?.activityRef?.id;

/**
 * What a throw in its scope compensates: the compensable activities of the scope and the subprocesses of the scope
 * holding compensable activities (when completed, theirs are compensated too, as in Zeebe 8.5+); or its activityRef.
 */
function compensated(el: ModelElement, model: ProcessModel): ModelElement[] {
  const ref = activityRefOf(el);
  const scope = compensationScopeOf(el, model);
  return [...model.elements.values()].filter(
    (h) =>
      h.scopeId === scope &&
      (h.compensationHandler || compensableSubProcess(model, h)) &&
      (!ref || h.id === ref),
  );
}

/**
 * The scope a throw compensates: its own, but inside a compensation event subprocess the subprocess that event
 * subprocess is the handler of (BPMN: there it compensates that subprocess's completed activities).
 */
function compensationScopeOf(el: ModelElement, model: ProcessModel): string {
  const holder = model.elements.get(el.scopeId);
  return holder?.kind === 'eventSubProcess' && isCompensationEventSubProcess(model, holder)
    ? holder.scopeId
    : el.scopeId;
}

/** A subprocess's compensation event subprocess, if it has one. */
const compensationEventSubProcessOf = (model: ProcessModel, e: ModelElement) =>
  eventSubProcessesOf(model, e.id).find((x) => isCompensationEventSubProcess(model, x));

/**
 * A (not multi-instance) subprocess holding compensable activities, directly or in its own subprocesses, or with a
 * compensation event subprocess.
 */
export function compensableSubProcess(model: ProcessModel, e: ModelElement): boolean {
  if (e.kind !== 'subProcess' || e.loop) return false;
  if (compensationEventSubProcessOf(model, e)) return true;
  return (model.scopes.get(e.id)?.elements ?? []).some((id) => {
    const inner = model.elements.get(id) as ModelElement;
    return !!inner.compensationHandler || compensableSubProcess(model, inner);
  });
}

/**
 * Every compensable activity a throw can reach (through completed subprocesses), and those subprocesses; a
 * subprocess with a compensation event subprocess is compensated by it (which compensates inside, if it throws).
 */
function reach(
  model: ProcessModel,
  tops: ModelElement[],
): { hosts: ModelElement[]; subs: string[]; evsubs: Record<string, ModelElement> } {
  const hosts: ModelElement[] = [];
  const subs: string[] = [];
  const evsubs: Record<string, ModelElement> = {};
  const visit = (e: ModelElement) => {
    if (e.compensationHandler) hosts.push(e);
    if (!compensableSubProcess(model, e)) return;
    const evsub = compensationEventSubProcessOf(model, e);
    if (evsub) {
      evsubs[e.id] = evsub;
      return;
    }
    subs.push(e.id);
    for (const id of model.scopes.get(e.id)?.elements ?? []) visit(model.elements.get(id) as ModelElement);
  };
  for (const t of tops) visit(t);
  return { hosts, subs, evsubs };
}

export function validateCompensationThrow(el: ModelElement, model: ProcessModel): ValidationIssue[] {
  const ref = activityRefOf(el);
  if (ref && !compensated(el, model).length)
    return [
      issue(
        el.id,
        'compensation.activity-ref',
        `补偿事件指向的活动“${ref}”不在同一范围内或没有补偿处理`,
        `the activity "${ref}" this compensation event names is not in its scope or has no compensation handler`,
      ),
    ];
  return [];
}

export function compensationState(el: ModelElement, cc: CompileCtx, after: string): StateConfig {
  const tops = compensated(el, cc.model);
  const { hosts, subs, evsubs } = reach(cc.model, tops);
  const handlers: Record<string, string> = {};
  const states: Record<string, StateConfig> = {};
  const inner: CompileCtx = {
    model: cc.model,
    endTarget: '$next',
    target: () => '$next',
    next: () => '$next',
    scopeBody: cc.scopeBody,
    compileElement: cc.compileElement,
    block: () => null,
    boundaries: () => ({ arm: [], on: {}, always: [] }),
  };
  for (const h of hosts) {
    const handler = cc.model.elements.get(h.compensationHandler as string) as ModelElement;
    handlers[h.id] = handler.id;
    const s = cc.compileElement({ ...handler, boundaries: [] }, inner);
    if (s) states[handler.id] = s;
  }
  for (const [sub, evsub] of Object.entries(evsubs)) {
    handlers[sub] = evsub.id;
    const body = cc.scopeBody(evsub.id);
    states[evsub.id] = {
      meta: meta(evsub),
      entry: [{ type: 'element.activate', params: { el: evsub.id } }],
      exit: [{ type: 'element.close', params: { el: evsub.id } }],
      initial: body.initial,
      states: body.states,
      onDone: { target: '$next', actions: [{ type: 'element.complete', params: { el: evsub.id } }] },
    };
  }
  const ids = Object.keys(states);
  return elementState(el, cc, {
    entry: [
      {
        type: 'comp.begin',
        params: {
          el: el.id,
          scope: compensationScopeOf(el, cc.model),
          hosts: tops.map((h) => h.id),
          handlers,
          subs,
        },
      },
    ],
    exit: [{ type: 'comp.end', params: { el: el.id } }],
    extra: {
      initial: '$next',
      states: {
        $next: {
          always: [
            ...ids.map((id) => ({
              guard: { type: 'comp.is', params: { el: el.id, handler: id } },
              target: esc(id),
              actions: [{ type: 'comp.shift', params: { el: el.id } }],
            })),
            { target: '$done' },
          ],
        },
        ...states,
        $done: { type: 'final' },
      },
      onDone: leave(el.id, after),
    },
  });
}

export const compensationThrowEvent: ElementHandler<'compensationThrowEvent'> = {
  kind: 'compensationThrowEvent',
  validate: validateCompensationThrow,
  compile: (el, cc) => compensationState(el, cc, cc.next(el)),
  actions: compensationActions,
  guards: compensationGuards,
};
