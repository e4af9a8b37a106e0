/**
 * @module Business rule task (`zeebe:calledDecision decisionId resultVariable`): evaluates a DMN decision on entry and
 * writes its result into the result variable. The decision is bound at deploy time (Zeebe's `bindingType=
 * "deployment"`): compileBpmn's `decisions` option embeds the called decision, with those it requires, into the
 * action's params, so a step stays pure and reads no database. An evaluation failure (UNIQUE with two matches, a FEEL
 * error) or a decision that was not deployed is an incident on the task; retrying it evaluates again.
 */
import { issue } from '../../bpmn/issue';
import type { Json } from '../../contract';
import { decisionClosure, evaluateDecision, type Decision } from '../../dmn';
import { history, stepEnv } from '../../exec/context';
import { mergeVars, raiseIncident } from '../../exec/ops';
import { elementState, leave, okGuard } from '../behaviors/activity';
import { ext } from '../behaviors/zeebe';
import type { ElementHandler } from '../element-handler';
import type { ModelElement } from '../../types';

export function calledDecision(el: ModelElement): { decisionId: string; resultVariable: string } | null {
  const d = ext(el.source, 'zeebe:CalledDecision');
  if (!d?.decisionId || !d?.resultVariable) return null;
  return { decisionId: String(d.decisionId), resultVariable: String(d.resultVariable) };
}

export const businessRuleTask: ElementHandler<'businessRuleTask'> = {
  kind: 'businessRuleTask',
  validate: (el) => {
    const d = calledDecision(el);
    if (!d)
      return [
        issue(
          el.id,
          'decision.incomplete',
          '业务规则任务需要 zeebe:calledDecision 的 decisionId 和 resultVariable',
          'a business rule task needs zeebe:calledDecision with decisionId and resultVariable',
        ),
      ];
    if (d.decisionId.startsWith('='))
      return [
        issue(
          el.id,
          'decision.id-feel',
          '业务规则任务调用的决策编号必须是固定文本（部署时绑定决策）',
          'the called decision id must be fixed text (the decision is bound at deploy time)',
        ),
      ];
    return [];
  },
  compile: (el, cc) => {
    const d = calledDecision(el);
    return elementState(el, cc, {
      entry: [{ type: 'decision.evaluate', params: { el: el.id, ...d, decisions: null } }],
      always: [leave(el.id, cc.next(el), [], okGuard(el.id))],
    });
  },
  actions: {
    'decision.evaluate': (ctx, _e, p) => {
      if (!p.decisions)
        return raiseIncident(
          ctx,
          p.el,
          'decision',
          `决策 ${p.decisionId} 未随流程部署（请在同一部署中附上 .dmn 文件，或先部署决策再部署流程）`,
        );
      const env = stepEnv();
      const r = evaluateDecision(p.decisions, p.decisionId, ctx.vars, {
        now: env.at,
        calendar: env.calendar,
      });
      if (!r.ok) return raiseIncident(ctx, p.el, 'decision', r.message);
      history('decision.evaluated', p.el, { decisionId: p.decisionId, matchedRules: r.matchedRules });
      return mergeVars(ctx, { [p.resultVariable]: r.result });
    },
  },
};

/**
 * Embeds deployed decisions into a compiled machine: every `decision.evaluate` action gets the decision it calls and
 * those it requires (or stays null: the task raises an incident when it runs). Returns the ids it could not find.
 */
export function bindDecisions(machine: Json, decisions: Record<string, Decision>): string[] {
  const missing: string[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const params = node.params as { decisionId?: string; decisions?: Json } | undefined;
    if (node.type === 'decision.evaluate' && params?.decisionId) {
      const found = decisionClosure(decisions, params.decisionId);
      if (Object.keys(found).length) params.decisions = found as unknown as Json;
      else missing.push(params.decisionId);
      return;
    }
    for (const v of Object.values(node)) walk(v);
  };
  walk(machine);
  return missing;
}
