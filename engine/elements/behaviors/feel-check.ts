/** @module Deploy-time checks of FEEL expressions and required attributes, producing per-element issues. */
import type { ValidationIssue } from '../../contract';
import { issue } from '../../bpmn/issue';
import { isFeel, parseFeel } from '../../exec/feel';

/** Check that `value`, when FEEL, parses. `what` names the attribute in both languages. */
export function checkFeel(
  elementId: string,
  value: string | undefined,
  what: [string, string],
): ValidationIssue[] {
  if (!value || !isFeel(value)) return [];
  const r = parseFeel(value);
  return r.ok
    ? []
    : [
        issue(
          elementId,
          'feel.syntax',
          `${what[0]}的 FEEL 表达式有误：${r.message}`,
          `FEEL expression of ${what[1]} does not parse: ${r.message}`,
        ),
      ];
}

/** Conditions are always FEEL; a `${...}` (JUEL) or bare expression is refused by name. */
export function checkCondition(flowId: string, value: string): ValidationIssue[] {
  if (!isFeel(value)) {
    return [
      issue(
        flowId,
        'condition.not-feel',
        `条件必须是 FEEL 表达式（以 = 开头），而不是 ${value}`,
        `conditions must be FEEL (starting with =), not ${value}`,
      ),
    ];
  }
  return checkFeel(flowId, value, ['条件', 'the condition']);
}

export function required(
  elementId: string,
  value: unknown,
  code: string,
  zh: string,
  en: string,
): ValidationIssue[] {
  return value === undefined || value === null || value === '' ? [issue(elementId, code, zh, en)] : [];
}
