/**
 * @module parseDmn: DMN 1.3 XML (dmn-moddle) → plain-JSON decisions, checking every FEEL text once at deploy time.
 * A problem names the decision and the rule (its id and its row number), in Chinese and English, so the author
 * finds the cell in the dmn-js table; all problems come back at once.
 */
import { DmnModdle } from 'dmn-moddle';
import { unaryTest } from 'feelin';
import type { Json, ValidationIssue } from '../contract';
import { evaluateFeel, parseFeel } from '../expressions';
import { defaultCalendar } from '../calendar';
import { issue } from '../bpmn/issue';
import { type Aggregation, type Decision, type DecisionRule, HIT_POLICIES, type HitPolicy } from './types';

export type DmnParseResult = { ok: true; decisions: Decision[] } | { ok: false; issues: ValidationIssue[] };

const MAX_BYTES = 5 * 1024 * 1024;
const moddle = new DmnModdle();

type M = any;

/** Refused before the parser sees it: the same rules as BPMN input (no DTD, nothing that is not XML, at most 5 MB). */
function guard(xml: string): ValidationIssue | null {
  const body = xml.replace(/^\uFEFF/, '').trim();
  if (!body) return issue(null, 'DMN_EMPTY', 'DMN 文件内容为空', 'The DMN file is empty');
  if (Buffer.byteLength(xml, 'utf8') > MAX_BYTES)
    return issue(null, 'DMN_TOO_LARGE', 'DMN 文件超过 5 MB 上限', 'The DMN file is over the 5 MB limit');
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    return issue(
      null,
      'DMN_DTD',
      'DMN 文件不得包含 DTD（<!DOCTYPE/<!ENTITY）',
      'A DMN file must not contain a DTD',
    );
  if (!body.startsWith('<')) return issue(null, 'DMN_NOT_XML', 'DMN 文件不是 XML', 'The DMN file is not XML');
  return null;
}

export async function parseDmn(xml: string): Promise<DmnParseResult> {
  const refused = guard(xml);
  if (refused) return { ok: false, issues: [refused] };
  let root: M;
  try {
    ({ rootElement: root } = await moddle.fromXML(xml, 'dmn:Definitions'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issues: [
        issue(null, 'DMN_NOT_XML', `DMN 文件无法解析：${why}`, `The DMN file cannot be parsed: ${why}`),
      ],
    };
  }
  const issues: ValidationIssue[] = [];
  const decisions: Decision[] = [];
  for (const el of (root?.drgElement ?? []) as M[]) {
    if (el.$type !== 'dmn:Decision') continue;
    const d = decisionOf(el, issues);
    if (d) decisions.push(d);
  }
  if (decisions.length === 0 && issues.length === 0)
    issues.push(issue(null, 'DMN_NO_DECISION', 'DMN 文件中没有决策', 'The DMN file holds no decision'));
  const ids = new Set(decisions.map((d) => d.id));
  for (const d of decisions)
    for (const r of d.requires)
      if (!ids.has(r))
        issues.push(
          issue(
            d.id,
            'decision.required-missing',
            `决策 ${label(d)} 依赖的决策 ${r} 不在同一文件中`,
            `decision ${label(d)} requires ${r}, which is not in the same file`,
          ),
        );
  return issues.length ? { ok: false, issues } : { ok: true, decisions };
}

const label = (d: { id: string; name?: string }) =>
  d.name && d.name !== d.id ? `${d.id}（${d.name}）` : d.id;
const text = (x: M): string => String(x?.text ?? '').trim();

function decisionOf(el: M, issues: ValidationIssue[]): Decision | null {
  const base = {
    id: String(el.id),
    ...(el.name ? { name: String(el.name) } : {}),
    requires: ((el.informationRequirement ?? []) as M[])
      .map((r) => String(r.requiredDecision?.href ?? '').replace(/^#/, ''))
      .filter(Boolean),
  };
  const logic = el.decisionLogic;
  if (logic?.$type === 'dmn:LiteralExpression') {
    const expression = text(logic);
    const bad = parseFeel(expression || '');
    if (!bad.ok) issues.push(cellIssue(base, null, `表达式：${bad.message}`, `expression: ${bad.messageEn}`));
    return { kind: 'literal', ...base, expression };
  }
  if (logic?.$type !== 'dmn:DecisionTable') {
    issues.push(
      issue(
        base.id,
        'decision.unsupported',
        `决策 ${label(base)} 既不是决策表也不是字面表达式，不支持`,
        `decision ${label(base)} is neither a decision table nor a literal expression`,
      ),
    );
    return null;
  }
  const hitPolicy = String(logic.hitPolicy ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) {
    issues.push(
      issue(
        base.id,
        'decision.hit-policy',
        `决策 ${label(base)} 的命中策略 ${hitPolicy} 不支持`,
        `hit policy ${hitPolicy} of decision ${label(base)} is not supported`,
      ),
    );
  }
  const aggregation = logic.aggregation ? (String(logic.aggregation) as Aggregation) : undefined;
  const inputs = ((logic.input ?? []) as M[]).map((i, n) => ({
    id: String(i.id ?? `input${n + 1}`),
    ...(i.label ? { label: String(i.label) } : {}),
    expression: text(i.inputExpression),
  }));
  const outputs = ((logic.output ?? []) as M[]).map((o, n) => ({
    id: String(o.id ?? `output${n + 1}`),
    name: String(o.name || o.label || o.id || `output${n + 1}`),
    ...(o.outputValues && text(o.outputValues) ? { values: outputValues(text(o.outputValues)) } : {}),
  }));
  if (outputs.length === 0)
    issues.push(
      issue(
        base.id,
        'decision.no-output',
        `决策表 ${label(base)} 没有输出列`,
        `decision table ${label(base)} has no output column`,
      ),
    );
  if (aggregation && (hitPolicy !== 'COLLECT' || outputs.length !== 1))
    issues.push(
      issue(
        base.id,
        'decision.aggregation',
        `决策表 ${label(base)}：聚合 ${aggregation} 只用于 COLLECT 且只能有一个输出列`,
        `decision table ${label(base)}: aggregation ${aggregation} needs hit policy COLLECT and exactly one output`,
      ),
    );
  for (const i of inputs) {
    const r = parseFeel(i.expression || '');
    if (!r.ok)
      issues.push(
        cellIssue(
          base,
          null,
          `输入表达式 ${i.label ?? i.id}：${r.message}`,
          `input expression ${i.label ?? i.id}: ${r.messageEn}`,
        ),
      );
  }
  const rules: DecisionRule[] = ((logic.rule ?? []) as M[]).map((r, n) => {
    const rule = {
      id: String(r.id ?? `rule${n + 1}`),
      inputEntries: ((r.inputEntry ?? []) as M[]).map(text),
      outputEntries: ((r.outputEntry ?? []) as M[]).map(text),
    };
    const where = { rule: rule.id, row: n + 1 };
    if (rule.inputEntries.length !== inputs.length || rule.outputEntries.length !== outputs.length)
      issues.push(
        cellIssue(
          base,
          where,
          '单元格数量与输入/输出列数不一致',
          'the number of cells does not match the input/output columns',
        ),
      );
    for (const t of rule.inputEntries) {
      const why = unaryTestSyntax(t);
      if (why)
        issues.push(
          cellIssue(
            base,
            where,
            `输入条件「${t}」语法错误：${why}`,
            `input entry "${t}" has a syntax error: ${why}`,
          ),
        );
    }
    for (const t of rule.outputEntries) {
      if (!t) continue;
      const p = parseFeel(t);
      if (!p.ok) issues.push(cellIssue(base, where, `输出：${p.message}`, `output: ${p.messageEn}`));
    }
    return rule;
  });
  return {
    kind: 'table',
    ...base,
    hitPolicy,
    ...(aggregation ? { aggregation } : {}),
    inputs,
    outputs,
    rules,
  };
}

function cellIssue(
  d: { id: string; name?: string },
  where: { rule: string; row: number } | null,
  zh: string,
  en: string,
): ValidationIssue {
  const at = where ? `规则 ${where.rule}（第 ${where.row} 行）` : '';
  const atEn = where ? ` rule ${where.rule} (row ${where.row})` : '';
  return {
    ...issue(
      d.id,
      'decision.feel-syntax',
      `决策 ${label(d)} ${at}：${zh}`,
      `decision ${label(d)}${atEn}: ${en}`,
    ),
    ...(where ? { ruleId: where.rule } : {}),
  } as ValidationIssue;
}

/** Null when the unary tests parse; feelin throws a SyntaxError before evaluating anything otherwise. */
export function unaryTestSyntax(t: string): string | null {
  if (t === '' || t === '-') return null;
  try {
    unaryTest(t, { '?': null });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** `"high","medium","low"` → ["high","medium","low"]: the output values list is FEEL literals separated by commas. */
function outputValues(t: string): Json[] | undefined {
  const r = evaluateFeel(`[${t}]`, {}, { now: new Date(0).toISOString(), calendar: defaultCalendar });
  return r.ok && Array.isArray(r.value) ? r.value : undefined;
}
