/**
 * @module Service task: a wait state. Entry creates a job (zeebe:taskDefinition type/retries, taskHeaders, ioMapping
 * inputs); a worker's job.complete applies the output mappings and moves on; job.throwError goes to a matching error
 * boundary or bubbles up as a BPMN error.
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

export const serviceTask: ElementHandler<'serviceTask'> = {
  kind: 'serviceTask',
  validate: (el) => {
    const def = ext(el.source, 'zeebe:TaskDefinition');
    if (!def?.type)
      return [
        issue(
          el.id,
          'service.missing-type',
          '服务任务缺少作业类型（zeebe:taskDefinition type）',
          'service task lacks a job type (zeebe:taskDefinition type)',
        ),
      ];
    const io = mappings(el.source);
    return [
      ...checkFeel(el.id, def.type, ['作业类型', 'the job type']),
      ...[...io.inputs, ...io.outputs].flatMap((m) =>
        checkFeel(el.id, m.source, [`映射 ${m.target}`, `mapping ${m.target}`]),
      ),
    ];
  },
  compile: (el, cc) => {
    const def = ext(el.source, 'zeebe:TaskDefinition');
    const headers: Record<string, string> = {};
    for (const h of ext(el.source, 'zeebe:TaskHeaders')?.values ?? [])
      headers[String(h.key)] = String(h.value ?? '');
    const io = mappings(el.source);
    const retries = Number(def?.retries ?? 3);
    const matches = { type: 'job.matches', params: { el: el.id } };
    const exit = leaveOn(
      el.id,
      cc.next(el),
      [{ type: 'job.completed', params: { el: el.id, outputs: io.outputs } }],
      matches,
    );
    return elementState(el, cc, {
      entry: [
        {
          type: 'job.create',
          params: {
            el: el.id,
            jobType: def?.type,
            retries: Number.isFinite(retries) ? retries : 3,
            headers,
            inputs: io.inputs,
          },
        },
      ],
      on: {
        'job.complete': [exit.on],
        // After the boundary transitions (elementState puts those first), so a matching error boundary wins.
        'job.throwError': [{ guard: matches, actions: [{ type: 'job.errored' }, { type: 'error.throw' }] }],
      },
      always: [exit.always],
    });
  },
  actions: {
    'job.create': (ctx, _e, p) => {
      const act = activationOf(ctx, p.el);
      const type = resolveValue(ctx, p.jobType);
      if (!type.ok) return raiseIncident(ctx, p.el, 'expression', type.message, p.jobType);
      const vars = p.inputs.length
        ? applyMappings({}, p.inputs, ctx, {})
        : { ok: true as const, value: ctx.vars };
      if (!vars.ok) return raiseIncident(ctx, p.el, 'io-mapping', vars.message, vars.expression);
      const jobKey = keyOf(p.el, act);
      emit({
        type: 'job.created',
        jobKey,
        jobType: String(type.value),
        retries: p.retries,
        headers: p.headers,
        variables: vars.value,
        elementId: p.el,
        activation: act,
      });
      return openItem(ctx, jobKey, { t: 'job', el: p.el, act });
    },
    'job.completed': (ctx, e, p) => {
      history('job.completed', p.el);
      const done = dropItem(ctx, keyOf(e.elementId, e.activation));
      if (!p.outputs.length) return mergeVars(done, e.variables);
      const out = applyMappings({}, p.outputs, ctx, e.variables as Vars);
      if (!out.ok) return raiseIncident(done, p.el, 'io-mapping', out.message, out.expression);
      return mergeVars(done, out.value);
    },
    'job.errored': (ctx, e) => dropItem(ctx, keyOf(e.elementId, e.activation)),
  },
  guards: {
    'job.matches': (ctx, e, p) => e.elementId === p.el && ctx.open[keyOf(p.el, e.activation)]?.t === 'job',
  },
};
