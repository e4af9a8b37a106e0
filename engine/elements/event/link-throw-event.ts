/** @module Link intermediate throw event: the path jumps to the link catch event of the same name (see bpmn/links.ts). */
import { issue } from '../../bpmn/issue';
import { linkName } from '../../bpmn/links';
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const linkThrowEvent: ElementHandler<'linkThrowEvent'> = {
  kind: 'linkThrowEvent',
  validate: (el, model) => {
    const name = linkName(el.source);
    const catches = [...model.elements.values()].filter(
      (c) => c.kind === 'linkCatchEvent' && c.scopeId === el.scopeId && linkName(c.source) === name,
    );
    if (!name)
      return [
        issue(el.id, 'link.missing-name', '链接抛出事件缺少链接名称', 'link throw event has no link name'),
      ];
    if (catches.length !== 1)
      return [
        issue(
          el.id,
          'link.target',
          catches.length
            ? `同一范围内有多个名为“${name}”的链接捕获事件，无法确定跳转目标`
            : `同一范围内没有名为“${name}”的链接捕获事件`,
          catches.length
            ? `several link catch events named "${name}" in this scope: the jump target is ambiguous`
            : `no link catch event named "${name}" in this scope`,
        ),
      ];
    if (el.outgoing.length > 1)
      return [
        issue(
          el.id,
          'link.outgoing',
          '链接抛出事件不能有流出顺序流',
          'a link throw event cannot have outgoing flows',
        ),
      ];
    return [];
  },
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
