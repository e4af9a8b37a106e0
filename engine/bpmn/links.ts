/**
 * @module Parse-time links that are not sequence flows. Link events are a drawing aid ("off-page connector"): a link throw event continues at the link catch event
 * of the same name in the same scope. They are resolved at parse time into one synthetic sequence flow
 * (`throw->catch`), so the structural checks and the compiler see an ordinary edge and nothing runs per step.
 */
import type { ModelScope, Moddle, ProcessModel } from '../types';

/**
 * Compensation boundary events are tied to their handler by an association (an artifact, not a flow): record the
 * handler on the activity the boundary hangs on. Either direction of the association is accepted.
 */
export function compensationHandlers(model: ProcessModel, container: Moddle) {
  for (const a of container.artifacts ?? []) {
    if (a.$type !== 'bpmn:Association') continue;
    for (const [from, to] of [
      [a.sourceRef?.id, a.targetRef?.id],
      [a.targetRef?.id, a.sourceRef?.id],
    ]) {
      const b = model.elements.get(from);
      const host = b?.kind === 'compensationBoundaryEvent' ? model.elements.get(b.attachedTo ?? '') : undefined;
      if (host && model.elements.get(to)?.forCompensation) host.compensationHandler = to;
    }
  }
}

export const linkName = (source: Moddle): string | undefined =>
  source?.eventDefinitions?.[0]?.name || undefined;

export function linkThrowsToCatches(model: ProcessModel, scope: ModelScope) {
  const catches = new Map<string, string[]>();
  for (const id of scope.elements) {
    const e = model.elements.get(id);
    const name = e?.kind === 'linkCatchEvent' ? linkName(e.source) : undefined;
    if (name) catches.set(name, [...(catches.get(name) ?? []), id]);
  }
  for (const id of scope.elements) {
    const e = model.elements.get(id);
    if (e?.kind !== 'linkThrowEvent') continue;
    const found = catches.get(linkName(e.source) ?? '') ?? [];
    // Zero or several catches: the throw keeps no outgoing flow and its validation names the problem.
    if (found.length !== 1 || e.outgoing.length) continue;
    const flowId = `${id}->${found[0]}`;
    model.flows.set(flowId, { id: flowId, sourceRef: id, targetRef: found[0], scopeId: scope.id });
    scope.flows.push(flowId);
    e.outgoing.push(flowId);
    model.elements.get(found[0])?.incoming.push(flowId);
  }
}
