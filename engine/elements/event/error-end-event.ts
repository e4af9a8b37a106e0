/**
 * @module Error end event: throws a BPMN error that bubbles to the nearest error boundary event on an enclosing
 * subprocess; uncaught, it becomes an incident on this element (as in Zeebe).
 */
import { issue } from '../../bpmn/issue';
import { elementState } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

const errorCodeOf = (el: { source: { eventDefinitions?: { errorRef?: { errorCode?: string } }[] } }) =>
  el.source.eventDefinitions?.[0]?.errorRef?.errorCode;

export const errorEndEvent: ElementHandler<'errorEndEvent'> = {
  kind: 'errorEndEvent',
  validate: (el) =>
    errorCodeOf(el)
      ? []
      : [
          issue(
            el.id,
            'error.missing-code',
            '错误结束事件缺少错误码（errorRef errorCode）',
            'error end event lacks an error code (errorRef errorCode)',
          ),
        ],
  compile: (el, cc) =>
    elementState(el, cc, {
      entry: [{ type: 'error.raise', params: { el: el.id, code: errorCodeOf(el) ?? '' } }],
    }),
};
