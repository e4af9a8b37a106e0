/**
 * @module Error boundary event on a service task (the worker throws a BPMN error: job.throwError) or on a subprocess
 * (an error end event inside it). Always interrupting. Without an error code it catches every error.
 */
import { issue } from '../../bpmn/issue';
import { leaveOn } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const errorBoundaryEvent: ElementHandler<'errorBoundaryEvent'> = {
  kind: 'errorBoundaryEvent',
  validate: (el, model) => {
    const host = model.elements.get(el.attachedTo ?? '');
    const ok = host && ['serviceTask', 'subProcess'].includes(host.kind);
    return ok
      ? []
      : [
          issue(
            el.id,
            'error-boundary.host',
            '错误边界事件只能附着在服务任务或子流程上',
            'error boundary events attach to service tasks or subprocesses only (a called process reports no BPMN errors back)',
          ),
        ];
  },
  compile: () => null,
  attach: (el, cc) => {
    const code: string | null = el.source.eventDefinitions?.[0]?.errorRef?.errorCode ?? null;
    const fired = [
      { type: 'boundary.fired', params: { el: el.id } },
      { type: 'error.caught', params: { el: el.id } },
    ];
    const host = el.attachedTo as string;
    const job = leaveOn(
      host,
      cc.next(el),
      [...fired, { type: 'job.errored' }],
      { type: 'error.jobMatches', params: { host, code } },
      true,
    );
    const inner = leaveOn(host, cc.next(el), fired, { type: 'error.codeMatches', params: { code } }, true);
    return {
      arm: { el: el.id },
      on: { 'job.throwError': [job.on], 'bpmn.error': [inner.on] },
      always: [job.always],
    };
  },
};
