/** @module The engine's DMN: parse a .dmn file into JSON decisions, evaluate one against variables (both pure). */
export { type DecisionResult, evaluateDecision } from './evaluate-decision';
export { type DmnParseResult, parseDmn } from './parse-dmn';
export type { Decision, DecisionTable, HitPolicy } from './types';

import type { Decision } from './types';

/** The decision and every decision it requires, by id: what a process embeds for its business rule task. */
export function decisionClosure(all: Record<string, Decision>, id: string): Record<string, Decision> {
  const out: Record<string, Decision> = {};
  const visit = (d: string) => {
    if (out[d] || !all[d]) return;
    out[d] = all[d];
    for (const r of all[d].requires) visit(r);
  };
  visit(id);
  return out;
}
