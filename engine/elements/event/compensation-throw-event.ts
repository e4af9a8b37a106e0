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
import type { CompileCtx, ElementHandler, StateConfig } from '../element-handler';

const activityRefOf = (el: ModelElement): string | undefined =>
  el.source.eventDefinitions?.[0]?.activityRef?.id;

/**
 * What a throw in its scope compensates: the compensable activities of the scope and the subprocesses of the scope
 * holding compensable activities (when completed, theirs are compensated too, as in Zeebe 8.5+); or its activityRef.
 */
function compensated(el: ModelElement, model: ProcessModel): ModelElement[] {
  const ref = activityRefOf(el);
  return [...model.elements.values()].filter(
    (h) =>
      h.scopeId === el.scopeId &&
      (h.compensationHandler || compensableSubProcess(model, h)) &&
      (!ref || h.id === ref),
  );
}

/** A (not multi-instance) subprocess holding compensable activities, directly or in its own subprocesses. */
export function compensableSubProcess(model: ProcessModel, e: ModelElement): boolean {
  if (e.kind !== 'subProcess' || e.loop) return false;
  return (model.scopes.get(e.id)?.elements ?? []).some((id) => {
    const inner = model.elements.get(id) as ModelElement;
    return !!inner.compensationHandler || compensableSubProcess(model, inner);
  });
}

/** Every compensable activity a throw can reach (through completed subprocesses), and those subprocesses. */
function reach(model: ProcessModel, tops: ModelElement[]): { hosts: ModelElement[]; subs: string[] } {
  const hosts: ModelElement[] = [];
  const subs: string[] = [];
  const visit = (e: ModelElement) => {
    if (e.compensationHandler) hosts.push(e);
    if (!compensableSubProcess(model, e)) return;
    subs.push(e.id);
    for (const id of model.scopes.get(e.id)?.elements ?? []) visit(model.elements.get(id) as ModelElement);
  };
  for (const t of tops) visit(t);
  return { hosts, subs };
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
  const { hosts, subs } = reach(cc.model, tops);
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
  const ids = Object.keys(states);
  return elementState(el, cc, {
    entry: [
      {
        type: 'comp.begin',
        params: { el: el.id, scope: el.scopeId, hosts: tops.map((h) => h.id), handlers, subs },
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
