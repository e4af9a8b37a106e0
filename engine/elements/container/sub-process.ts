/**
 * @module Embedded subprocess: a compound state whose children are its body's elements; it completes when its body
 * reaches its end (onDone). Boundary events on it interrupt the whole body. A terminate end event inside ends the
 * subprocess only. Any interruption ends the paths spawned inside it (event subprocesses, reminders).
 * Multi-instance: the body runs once per item as a spawned child (see multi-instance-body.ts).
 */
import { issue } from '../../bpmn/issue';
import { elementState, leave } from '../behaviors/activity';
import { loopSpec, validateLoop } from '../behaviors/multi-instance';
import type { ElementHandler } from '../element-handler';
import { compensableSubProcess } from '../event/compensation-throw-event';
import { pathOriginsIn, stopPathsAction } from './event-sub-process';
import { bodyGuards, bodyXstateActions, multiInstanceBodyState } from './multi-instance-body';

export const subProcess: ElementHandler<'subProcess'> = {
  kind: 'subProcess',
  validate: (el, model) => {
    const scope = model.scopes.get(el.id);
    const starts = (scope?.elements ?? []).filter((id) => {
      const k = model.elements.get(id)?.kind;
      return (
        k === 'startEvent' || k === 'timerStartEvent' || k === 'messageStartEvent' || k === 'signalStartEvent'
      );
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
    return [...out, ...validateLoop(el)];
  },
  compile: (el, cc) => {
    if (loopSpec(el)) return multiInstanceBodyState(el, cc);
    const body = cc.scopeBody(el.id);
    // Holding compensable activities, its completion is recorded: a throw outside compensates those inside it.
    const record = compensableSubProcess(cc.model, el)
      ? [{ type: 'comp.record', params: { scope: el.scopeId, el: el.id } }]
      : [];
    const done = leave(el.id, cc.next(el), record);
    // Interrupted (a boundary event, an error, a terminate end, a move), the subprocess ends the paths spawned
    // inside it, as BPMN ends every token in a terminated scope; completing, it has already waited for its own.
    const origins = pathOriginsIn(cc.model, el.id);
    const exit = origins.length ? [stopPathsAction(origins, el.id, true)] : [];
    return elementState(el, cc, { on: { 'bpmn.terminate': [done] }, exit, extra: { ...body, onDone: done } });
  },
  guards: bodyGuards,
  xstateActions: bodyXstateActions,
};
