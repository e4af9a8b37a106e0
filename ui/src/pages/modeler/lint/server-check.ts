/**
 * @module ui/pages/modeler/lint/server-check: the server's own deploy compiler (engine compileBpmn: parse, validate,
 * compile) run in the browser on the canvas's XML, for what no hand-written rule covers: the structural analysis
 * (unreachable, dead ends, splits without joins, cycles without a wait state...), timer syntax, compile problems.
 * Loaded on first use, in a chunk of its own.
 */
import type { ValidationIssue } from '../../../../../engine/contract';
import type { Lang } from '../../../i18n';
import { incomingOf, is, type Node, outgoingOf, type RuleFactory } from './rule-kit';

/** Where the rules get the diagram's XML (the modeler's saveXML); absent outside the modeler. */
export type XmlSource = () => Promise<string | undefined>;

/** Codes the hand-written rules already report live, on the same element: not repeated. */
export const COVERED = new Set([
  'unsupported.element',
  'unsupported.event',
  'unsupported.compensation',
  'unsupported.multiple-event-definitions',
  'unsupported.intermediate-throw',
  'unsupported.event-subprocess',
  'unsupported.script-language',
  'unsupported.standard-loop',
  'unsupported.multi-instance',
  'unsupported.multi-instance-call',
  'timer.missing',
  'timer.kind',
  'message.missing',
  'service.missing-type',
  'error.missing-code',
  'error-boundary.host',
  'call.missing-process',
  'script.incomplete',
  'gateway.no-outgoing',
  'gateway.missing-condition',
  'condition.not-feel',
  'flow.conditional-from-activity',
  'flow.into-start',
  'IMPLICIT_SPLIT',
  'event-gateway.targets',
  'process.no-start',
  'process.several-none-starts',
  'subprocess.start',
  'multi-instance.no-collection',
  'feel.syntax',
]);

/** All issues compileBpmn finds in `xml`, errors and warnings. */
export async function compileIssues(xml: string): Promise<ValidationIssue[]> {
  const { compileBpmn } = await import('../../../../../engine/compile/compile-bpmn');
  const r = await compileBpmn(xml);
  return r.ok ? r.warnings : r.issues;
}

function flowNodesById(definitions: Node): Map<string, Node> {
  const byId = new Map<string, Node>();
  const walk = (container: Node) => {
    for (const el of container?.flowElements ?? []) {
      byId.set(el.id, el);
      if (el.flowElements) walk(el);
    }
  };
  for (const root of definitions.rootElements ?? []) if (is(root, 'bpmn:Process')) walk(root);
  return byId;
}

/** A rule reporting the given server issues of one severity, in the UI's language, on the Definitions node. */
export function serverRule(
  issues: ValidationIssue[],
  severity: 'error' | 'warning',
  lang: Lang,
): RuleFactory {
  return () => ({
    check(node, reporter) {
      if (!is(node, 'bpmn:Definitions')) return;
      const nodes = flowNodesById(node);
      const fallback = (node.rootElements ?? []).find((r: Node) => is(r, 'bpmn:Process'))?.id ?? node.id;
      for (const i of issues) {
        if ((i.severity ?? 'error') !== severity || COVERED.has(i.code)) continue;
        const el = i.elementId ? nodes.get(i.elementId) : undefined;
        // an element with no flow at all is reported once, as disconnected, not also as unreachable and a dead end
        if (
          (i.code === 'UNREACHABLE' || i.code === 'DEAD_END') &&
          el &&
          !incomingOf(el).length &&
          !outgoingOf(el).length
        )
          continue;
        reporter.report(i.elementId ?? fallback, lang === 'en' ? i.messageEn : i.message);
      }
    },
  });
}
