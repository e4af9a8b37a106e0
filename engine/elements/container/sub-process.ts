/**
 * @module Embedded subprocess: a compound state whose children are its body's elements; it completes when its body
 * reaches its end (onDone). Boundary events on it interrupt the whole body. Multi-instance: sequential only for now.
 */
import { issue } from '../../bpmn/issue';
import { elementState, leave } from '../behaviors/activity';
import { loopSpec } from '../behaviors/multi-instance';
import type { ElementHandler } from '../element-handler';

export const subProcess: ElementHandler<'subProcess'> = {
  kind: 'subProcess',
  validate: (el, model) => {
    const scope = model.scopes.get(el.id);
    const starts = (scope?.elements ?? []).filter((id) => {
      const k = model.elements.get(id)?.kind;
      return k === 'startEvent' || k === 'timerStartEvent' || k === 'messageStartEvent';
    });
    const out = [];
    if (starts.length !== 1 || model.elements.get(starts[0])?.kind !== 'startEvent') {
      out.push(
        issue(
          el.id,
          'subprocess.start',
          '嵌入子流程必须恰有一个空开始事件',
          'an embedded subprocess needs exactly one none start event',
        ),
      );
    }
    if (loopSpec(el)) {
      out.push(
        issue(
          el.id,
          'unsupported.multi-instance-subprocess',
          '暂不支持多实例子流程，请改用多实例用户任务或调用活动',
          'multi-instance subprocesses are not supported yet; use a multi-instance user task or call activity',
        ),
      );
    }
    return out;
  },
  compile: (el, cc) => {
    const body = cc.scopeBody(el.id);
    return elementState(el, cc, { extra: { ...body, onDone: leave(el.id, cc.next(el)) } });
  },
};
