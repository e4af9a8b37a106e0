/**
 * @module Call activity (zeebe:calledElement processId): emits child.start and waits for child.completed. Variables:
 * all parent variables go down unless propagateAllParentVariables=false (then only ioMapping inputs); the child's
 * variables come back unless propagateAllChildVariables=false (then only ioMapping outputs).
 */
import type { Vars } from '../../contract';
import { issue } from '../../bpmn/issue';
import { emit, history, keyOf } from '../../exec/context';
import {
  activationOf,
  applyMappings,
  dropItem,
  mergeVars,
  openItem,
  raiseIncident,
  resolveValue,
} from '../../exec/ops';
import { elementState, leaveOn } from '../behaviors/activity';
import { checkFeel } from '../behaviors/feel-check';
import { ext, mappings } from '../behaviors/zeebe';
import type { CompileCtx, ElementHandler, StateConfig } from '../element-handler';
import { loopSpec, validateLoop } from '../behaviors/multi-instance';
import type { ModelElement, ProcessModel } from '../../types';
import { multiInstanceBodyState } from './multi-instance-body';

export const calledProcessOf = (source: { extensionElements?: unknown }) => {
  const c = ext(source, 'zeebe:CalledElement');
  return c?.processId as string | undefined;
};

function validateCall(el: ModelElement) {
  const c = ext(el.source, 'zeebe:CalledElement');
  if (!c?.processId)
    return [
      issue(
        el.id,
        'call.missing-process',
        '调用活动缺少被调流程（zeebe:calledElement processId）',
        'call activity lacks the called process (zeebe:calledElement processId)',
      ),
    ];
  const io = mappings(el.source);
  return [
    ...checkFeel(el.id, c.processId, ['被调流程', 'processId']),
    ...[...io.inputs, ...io.outputs].flatMap((m) =>
      checkFeel(el.id, m.source, [`映射 ${m.target}`, `mapping ${m.target}`]),
    ),
    ...validateLoop(el),
  ];
}

function callState(el: ModelElement, cc: CompileCtx): StateConfig {
  const c = ext(el.source, 'zeebe:CalledElement');
  const io = mappings(el.source);
  const params = {
    el: el.id,
    processId: c?.processId,
    inputs: io.inputs,
    outputs: io.outputs,
    allParent: c?.propagateAllParentVariables !== false,
    allChild: c?.propagateAllChildVariables !== false,
  };
  const exit = leaveOn(el.id, cc.next(el), [{ type: 'call.completed', params }], {
    type: 'call.matches',
    params: { el: el.id },
  });
  return elementState(el, cc, {
    entry: [{ type: 'call.start', params }],
    on: { 'child.completed': [exit.on] },
    always: [exit.always],
  });
}

/**
 * One item of a multi-instance call activity, as the body machine spawned per item runs it: the call alone (the
 * boundary events stay on the multi-instance body), ending the body when the called instance completes. Its key is
 * `callId#<spawn number>`, so each item's called instance finds its way back.
 */
export function callItemState(el: ModelElement, model: ProcessModel): StateConfig {
  const end = () => '$end';
  const cc: CompileCtx = {
    model,
    endTarget: '$end',
    target: end,
    next: end,
    scopeBody: () => ({}),
    compileElement: () => null,
    block: () => null,
    boundaries: () => ({ arm: [], on: {}, always: [] }),
  };
  return callState({ ...el, boundaries: [] }, cc);
}

export const callActivity: ElementHandler<'callActivity'> = {
  kind: 'callActivity',
  validate: validateCall,
  compile: (el, cc) => (loopSpec(el) ? multiInstanceBodyState(el, cc) : callState(el, cc)),
  actions: {
    'call.start': (ctx, _e, p) => {
      const act = activationOf(ctx, p.el);
      const pid = resolveValue(ctx, p.processId);
      if (!pid.ok) return raiseIncident(ctx, p.el, 'expression', pid.message, p.processId);
      const vars = applyMappings(p.allParent ? { ...ctx.vars } : {}, p.inputs, ctx, {});
      if (!vars.ok) return raiseIncident(ctx, p.el, 'io-mapping', vars.message, vars.expression);
      const childKey = keyOf(p.el, act);
      const effect = {
        type: 'child.start' as const,
        childKey,
        processId: String(pid.value),
        variables: vars.value,
        elementId: p.el,
        activation: act,
      };
      emit(ctx.businessKey ? { ...effect, businessKey: ctx.businessKey } : effect);
      return openItem(ctx, childKey, { t: 'child', el: p.el, act });
    },
    'call.completed': (ctx, e, p) => {
      history('call.completed', p.el);
      const done = dropItem(ctx, keyOf(e.elementId, e.activation));
      const childVars = (e.variables ?? {}) as Vars;
      const out = applyMappings(p.allChild ? { ...childVars } : {}, p.outputs, ctx, childVars);
      if (!out.ok) return raiseIncident(done, p.el, 'io-mapping', out.message, out.expression);
      return mergeVars(done, out.value);
    },
  },
  guards: {
    'call.matches': (ctx, e, p) => e.elementId === p.el && ctx.open[keyOf(p.el, e.activation)]?.t === 'child',
  },
};
