/** @module ui/pages/modeler/lint/rule-kit: what every huiliu bpmnlint rule shares: language choice, type tests, zeebe extensions. */
import type { Lang } from '../../../i18n';

/** A moddle element as bpmnlint hands it to a rule (bpmn-moddle ships no useful types). */
export type Node = any;
export interface Reporter {
  report(id: string, message: string, path?: string[]): void;
}
export interface RuleConfig {
  lang?: Lang;
}
export interface Rule {
  check: (node: Node, reporter: Reporter) => void;
}
export type RuleFactory = (config?: RuleConfig) => Rule;

/** The message in the UI's language: each rule gets `{ lang }` as its bpmnlint rule config. */
export const say = (config: RuleConfig | undefined, zh: string, en: string) =>
  config?.lang === 'en' ? en : zh;

export const is = (node: Node, type: string): boolean => Boolean(node?.$instanceOf?.(type));
export const isAny = (node: Node, types: string[]) => types.some((t) => is(node, t));

/** The first zeebe extension element of a type, e.g. `zeebe:AssignmentDefinition`. */
export function ext(node: Node, type: string): Node | undefined {
  return (node?.extensionElements?.values ?? []).find((v: Node) => v.$type === type);
}

export const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/** The single event definition's type, `null` for none, `'many'` for several (refused by the server). */
export function eventDefinitionOf(node: Node): string | null | 'many' {
  const defs: Node[] = node.eventDefinitions ?? [];
  if (defs.length > 1) return 'many';
  return defs[0]?.$type ?? null;
}

/** A rule whose `check` sees only nodes of the given types. */
export function ruleFor(types: string[], check: (node: Node, report: Report) => void): RuleFactory {
  return (config) => ({
    check(node, reporter) {
      if (!isAny(node, types)) return;
      check(node, (id, zh, en) => reporter.report(id, say(config, zh, en)));
    },
  });
}
export type Report = (id: string, zh: string, en: string) => void;

/**
 * Sequence flows by source and target within one scope. bpmnlint applies all rules in one synchronous pass, so the
 * index lives until the next microtask: shared by the rules of one lint run, never stale for the next after an edit.
 */
const flowIndex = new Map<object, { out: Map<Node, Node[]>; in: Map<Node, Node[]> }>();
function indexOf(scope: Node) {
  let idx = flowIndex.get(scope);
  if (!idx) {
    idx = { out: new Map(), in: new Map() };
    for (const f of scope?.flowElements ?? []) {
      if (f.$type !== 'bpmn:SequenceFlow') continue;
      if (f.sourceRef) idx.out.set(f.sourceRef, [...(idx.out.get(f.sourceRef) ?? []), f]);
      if (f.targetRef) idx.in.set(f.targetRef, [...(idx.in.get(f.targetRef) ?? []), f]);
    }
    flowIndex.set(scope, idx);
    queueMicrotask(() => flowIndex.delete(scope));
  }
  return idx;
}

/**
 * A node's outgoing flows from the flows' own sourceRef, as the server reads them: a hand-written file may omit the
 * redundant `<bpmn:outgoing>` children that bpmn-js writes.
 */
export const outgoingOf = (node: Node): Node[] => indexOf(node.$parent).out.get(node) ?? [];
export const incomingOf = (node: Node): Node[] => indexOf(node.$parent).in.get(node) ?? [];
