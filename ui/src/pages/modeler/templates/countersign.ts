/**
 * @module ui/pages/modeler/templates/countersign: the countersign rules (会签, 或签, 一票否决, 按比例通过, 依次审批) an
 * administrator picks for an approval step, compiled to the multi-instance settings the engine already runs
 * (engine/elements/behaviors/multi-instance.ts) and read back from them. Pure: the modeler's properties panel and the
 * card designer (ui/src/flows) both use it, so a step drawn in one opens with the same rule in the other.
 *
 * Each signer gets one user task (`assignee = approver`, the item of `approvers`); the signer's `decision` variable
 * ("approve", or anything else for a rejection/return, as the shipped forms write it) is collected into the step's
 * output collection, and the completion condition ends the step as soon as its outcome is decided. The remaining
 * signers' tasks are then cancelled by the engine. After the step, `approvedCondition` tells a gateway whether the
 * step approved: the last signer's `decision` alone is not the outcome of a 会签.
 */

export type CountersignMode = 'all' | 'any' | 'veto' | 'ratio' | 'sequential';

export const COUNTERSIGN_MODES: readonly CountersignMode[] = ['all', 'any', 'veto', 'ratio', 'sequential'];

/** Labels and one-line explanations, Chinese first. */
export const COUNTERSIGN_LABELS: Record<
  CountersignMode,
  { zh: string; en: string; hintZh: string; hintEn: string }
> = {
  all: {
    zh: '会签',
    en: 'All must approve',
    hintZh: '所有审批人都须办理，全部同意才通过',
    hintEn: 'every signer acts; approved only if all approve',
  },
  any: {
    zh: '或签',
    en: 'Any one approves',
    hintZh: '任一审批人同意即通过，其余待办自动取消',
    hintEn: 'the first approval decides; the other tasks are cancelled',
  },
  veto: {
    zh: '一票否决',
    en: 'One veto rejects',
    hintZh: '任一审批人不同意即结束并不通过，全部同意才通过',
    hintEn: 'the first rejection decides; approved only if all approve',
  },
  ratio: {
    zh: '按比例通过',
    en: 'Approval by percentage',
    hintZh: '同意人数达到设定比例即通过，已不可能达到时即不通过',
    hintEn: 'approved once the share of approvals reaches the percentage; rejected once it no longer can',
  },
  sequential: {
    zh: '依次审批',
    en: 'One after another',
    hintZh: '按顺序逐一审批，任一人不同意即结束并不通过',
    hintEn: 'signers act in order; the first rejection ends the step',
  },
};

export interface CountersignRule {
  mode: CountersignMode;
  /** FEEL list of usernames, e.g. `=["li.si", "wang.wu"]` or `=reviewers` (a variable the start form sets). */
  approvers: string;
  /** For `ratio`: the share of approvals (1–100) that passes the step. */
  percent?: number;
}

/** What goes on the user task: bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics, and the assignee. */
export interface MultiInstanceSettings {
  isSequential: boolean;
  inputCollection: string;
  inputElement: string;
  outputCollection: string;
  outputElement: string;
  /** FEEL (with the leading `=`); absent for 会签, which waits for every signer. */
  completionCondition?: string;
  /** zeebe:assignmentDefinition assignee. */
  assignee: string;
}

/** The loop variable each signer's task sees (and the task's assignee expression reads). */
export const APPROVER_VARIABLE = 'approver';
/** The variable the approval forms set: "approve" means yes, anything else is a no. */
export const DECISION_VARIABLE = 'decision';
export const APPROVE_VALUE = 'approve';

/**
 * The output collection of a step: `<elementId>_decisions` made a FEEL name (ids like `unit-approval` would parse
 * as a subtraction), so two countersign steps in one process never share their votes.
 */
export function decisionsVariable(elementId: string): string {
  const name = elementId.replace(/[^A-Za-z0-9_]/g, '_');
  return `${/^[A-Za-z_]/.test(name) ? name : `_${name}`}_decisions`;
}

const approvals = (c: string) => `count(${c}[item = "${APPROVE_VALUE}"])`;
const rejections = (c: string) => `count(${c}[item != null and item != "${APPROVE_VALUE}"])`;

/** A share as an integer percentage 1–100; anything else is refused (the panel shows the message). */
export function checkPercent(
  percent: unknown,
): { ok: true; value: number } | { ok: false; zh: string; en: string } {
  const n = typeof percent === 'string' && percent.trim() !== '' ? Number(percent) : percent;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 100) return { ok: true, value: n };
  return {
    ok: false,
    zh: '通过比例须为 1 到 100 之间的整数',
    en: 'the percentage must be a whole number from 1 to 100',
  };
}

function completionOf(mode: CountersignMode, c: string, percent: number): string | undefined {
  switch (mode) {
    case 'all':
      return undefined;
    case 'any':
      return `=${approvals(c)} >= 1`;
    case 'veto':
    case 'sequential':
      return `=${rejections(c)} >= 1`;
    case 'ratio':
      // Integer arithmetic (no 0.6666… comparisons): reached, or no longer reachable with the signers still open.
      return `=${approvals(c)} * 100 >= ${percent} * numberOfInstances or (${approvals(c)} + numberOfActiveInstances) * 100 < ${percent} * numberOfInstances`;
  }
}

/** Rule → the multi-instance settings of the user task `elementId`. */
export function compileCountersign(elementId: string, rule: CountersignRule): MultiInstanceSettings {
  const c = decisionsVariable(elementId);
  const percent = rule.mode === 'ratio' ? checkPercent(rule.percent) : null;
  if (percent && !percent.ok) throw new Error(percent.en);
  const completionCondition = completionOf(rule.mode, c, percent?.ok ? percent.value : 100);
  return {
    isSequential: rule.mode === 'sequential',
    inputCollection: rule.approvers.trim().startsWith('=')
      ? rule.approvers.trim()
      : `=${rule.approvers.trim()}`,
    inputElement: APPROVER_VARIABLE,
    outputCollection: c,
    outputElement: `=${DECISION_VARIABLE}`,
    ...(completionCondition ? { completionCondition } : {}),
    assignee: `=${APPROVER_VARIABLE}`,
  };
}

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Settings → rule, or null when the task's multi-instance is not one of ours (hand-written FEEL, another output):
 * the panel then shows the raw settings and never overwrites them unasked.
 */
export function readCountersign(s: Partial<MultiInstanceSettings>): CountersignRule | null {
  const c = s.outputCollection;
  if (!c || !s.inputCollection || s.inputElement !== APPROVER_VARIABLE) return null;
  if (squash(s.outputElement) !== `=${DECISION_VARIABLE}`) return null;
  const approvers = s.inputCollection;
  const cond = squash(s.completionCondition);
  if (s.isSequential)
    return cond === completionOf('sequential', c, 0) ? { mode: 'sequential', approvers } : null;
  for (const mode of ['all', 'any', 'veto'] as const) {
    if (cond === (completionOf(mode, c, 0) ?? '')) return { mode, approvers };
  }
  const m = /^=count\(.+?\) \* 100 >= (\d+) \* numberOfInstances or/.exec(cond);
  if (m && cond === completionOf('ratio', c, Number(m[1]))) {
    return { mode: 'ratio', approvers, percent: Number(m[1]) };
  }
  return null;
}

/** FEEL a gateway after the step uses for "approved" (true) versus "not approved". */
export function approvedCondition(
  elementId: string,
  rule: Pick<CountersignRule, 'mode' | 'percent'>,
): string {
  const c = decisionsVariable(elementId);
  switch (rule.mode) {
    case 'any':
      return `=${approvals(c)} >= 1`;
    case 'ratio': {
      const p = checkPercent(rule.percent);
      return `=${approvals(c)} * 100 >= ${p.ok ? p.value : 100} * count(${c})`;
    }
    default:
      // Cancelled signers leave null in the collection, so "every entry approved" is false after an early rejection.
      return `=${approvals(c)} = count(${c})`;
  }
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The XML of the loop (for a designer that writes BPMN as text): goes inside `<bpmn:userTask>`, after its
 * extensionElements, which must hold `<zeebe:assignmentDefinition assignee="…"/>` with `settings.assignee`.
 */
export function loopXml(settings: MultiInstanceSettings, indent = '      '): string {
  const seq = settings.isSequential ? ' isSequential="true"' : '';
  const attrs = [
    `inputCollection="${escapeXml(settings.inputCollection)}"`,
    `inputElement="${escapeXml(settings.inputElement)}"`,
    `outputCollection="${escapeXml(settings.outputCollection)}"`,
    `outputElement="${escapeXml(settings.outputElement)}"`,
  ].join(' ');
  const cond = settings.completionCondition
    ? `\n${indent}  <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${escapeXml(settings.completionCondition)}</bpmn:completionCondition>`
    : '';
  return `${indent}<bpmn:multiInstanceLoopCharacteristics${seq}>
${indent}  <bpmn:extensionElements>
${indent}    <zeebe:loopCharacteristics ${attrs} />
${indent}  </bpmn:extensionElements>${cond}
${indent}</bpmn:multiInstanceLoopCharacteristics>`;
}
