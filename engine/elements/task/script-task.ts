/** @module Script task in FEEL (zeebe:script expression + resultVariable): evaluated on entry; a failure is an incident. */
import { issue } from '../../bpmn/issue';
import { mergeVars, raiseIncident, resolveValue } from '../../exec/ops';
import { elementState, leave, okGuard } from '../behaviors/activity';
import { checkFeel } from '../behaviors/feel-check';
import { ext } from '../behaviors/zeebe';
import type { ElementHandler } from '../element-handler';

export const scriptTask: ElementHandler<'scriptTask'> = {
  kind: 'scriptTask',
  validate: (el) => {
    const s = ext(el.source, 'zeebe:Script');
    if (!s?.expression || !s?.resultVariable) {
      return [
        issue(
          el.id,
          'script.incomplete',
          'FEEL 脚本任务需要 expression 和 resultVariable',
          'a FEEL script task needs expression and resultVariable',
        ),
      ];
    }
    return checkFeel(el.id, s.expression, ['脚本', 'the script']);
  },
  compile: (el, cc) => {
    const s = ext(el.source, 'zeebe:Script');
    return elementState(el, cc, {
      entry: [
        {
          type: 'script.run',
          params: { el: el.id, expression: s.expression, resultVariable: s.resultVariable },
        },
      ],
      always: [leave(el.id, cc.next(el), [], okGuard(el.id))],
    });
  },
  actions: {
    'script.run': (ctx, _e, p) => {
      const r = resolveValue(ctx, p.expression);
      if (!r.ok) return raiseIncident(ctx, p.el, 'expression', r.message, p.expression);
      return mergeVars(ctx, { [p.resultVariable]: r.value });
    },
  },
};
