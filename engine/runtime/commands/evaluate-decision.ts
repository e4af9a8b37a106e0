/** @module evaluateDecision: the latest deployed version of a decision against the given variables (no instance involved). */
import { defaultCalendar, type WorkdayCalendar } from '../../calendar';
import type { Json, Vars } from '../../contract';
import { type Decision, evaluateDecision as evaluate } from '../../dmn';
import { AppError } from '../../../platform/errors';
import { latestDecision } from '../../store';
import type { RuntimeContext } from '../types';

export async function evaluateDecision(
  rt: RuntimeContext,
  input: { decisionId: string; variables: Vars },
): Promise<{ result: Json; decisionId: string; version: number; matchedRules: string[] }> {
  const row = await latestDecision(rt.db, input.decisionId);
  if (!row)
    throw new AppError('NOT_FOUND', `决策 ${input.decisionId} 未部署`, {
      messageEn: `Decision ${input.decisionId} is not deployed`,
    });
  const r = evaluate(row.compiled as unknown as Record<string, Decision>, input.decisionId, input.variables, {
    now: rt.clock.now().toISOString(),
    calendar: (rt.calendar as WorkdayCalendar | undefined) ?? defaultCalendar,
  });
  if (!r.ok) throw new AppError('BAD_REQUEST', r.message, { messageEn: r.messageEn });
  return { result: r.result, decisionId: row.decisionId, version: row.version, matchedRules: r.matchedRules };
}
