/** @module Escalation end event: raises the escalation and ends its path (caught or not, see behaviors/escalation.ts). */
import { issue } from '../../bpmn/issue';
import { elementState, leave } from '../behaviors/activity';
import { escalationCodeOf } from '../behaviors/escalation';
import type { ElementHandler } from '../element-handler';

export const escalationEndEvent: ElementHandler<'escalationEndEvent'> = {
  kind: 'escalationEndEvent',
  validate: (el) =>
    escalationCodeOf(el)
      ? []
      : [
          issue(
            el.id,
            'escalation.missing-code',
            '升级结束事件缺少升级码（escalationRef escalationCode）',
            'escalation end event lacks an escalation code (escalationRef escalationCode)',
          ),
        ],
  compile: (el, cc) =>
    elementState(el, cc, {
      entry: [{ type: 'escalation.raise', params: { el: el.id, code: escalationCodeOf(el) } }],
      always: [leave(el.id, cc.endTarget)],
    }),
};
