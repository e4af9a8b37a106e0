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
import type { ElementHandler } from '../element-handler';

export const calledProcessOf = (source: { extensionElements?: unknown }) => {
  const c = ext(source, 'zeebe:CalledElement');
  return c?.processId as string | undefined;
};

export const callActivity: ElementHandler<'callActivity'> = {
  kind: 'callActivity',
  validate: (el) => {
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
      ...(el.loop
        ? [
            issue(
              el.id,
              'unsupported.multi-instance-call',
              '暂不支持多实例调用活动',
              'multi-instance call activities are not supported yet',
            ),
          ]
        : []),
    ];
  },
  compile: (el, cc) => {
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
  },
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
