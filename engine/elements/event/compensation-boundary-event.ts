/**
 * @module Compensation boundary event: marks its activity as compensable by the handler associated with it
 * (`isForCompensation`); it never fires on its own. The activity records its completions (behaviors/compensation.ts).
 */
import { issue } from '../../bpmn/issue';
import type { ValidationIssue } from '../../contract';
import type { ElementHandler } from '../element-handler';

export const compensationBoundaryEvent: ElementHandler<'compensationBoundaryEvent'> = {
  kind: 'compensationBoundaryEvent',
  validate: (el, model) => {
    const host = model.elements.get(el.attachedTo ?? '');
    const out: ValidationIssue[] = [];
    if (!host?.compensationHandler)
      out.push(
        issue(
          el.id,
          'compensation.handler',
          '补偿边界事件必须用关联（association）连接一个补偿处理活动（isForCompensation）',
          'a compensation boundary event needs an association to a compensation handler activity (isForCompensation)',
        ),
      );
    const handler = model.elements.get(host?.compensationHandler ?? '');
    if (handler && (handler.incoming.length || handler.outgoing.length || handler.kind === 'subProcess'))
      out.push(
        issue(
          handler.id,
          'compensation.handler-flows',
          '补偿处理活动不能有顺序流，也不能是子流程',
          'a compensation handler has no sequence flows and is not a subprocess',
        ),
      );
    return out;
  },
  compile: () => null,
};
