/** @module Link intermediate catch event: where the link throw events of its name continue; passes straight on. */
import { issue } from '../../bpmn/issue';
import { linkName } from '../../bpmn/links';
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const linkCatchEvent: ElementHandler<'linkCatchEvent'> = {
  kind: 'linkCatchEvent',
  validate: (el) =>
    linkName(el.source)
      ? []
      : [issue(el.id, 'link.missing-name', '链接捕获事件缺少链接名称', 'link catch event has no link name')],
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
