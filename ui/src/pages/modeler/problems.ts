/** @module ui/pages/modeler/problems: BPMN_INVALID details drawn on the canvas as red markers with a count badge. */
import type Modeler from 'bpmn-js/lib/Modeler';
import type { ElementIssue } from '../../api';

const OVERLAY_TYPE = 'huiliu-problem';
let marked: string[] = [];

export function clearProblems(modeler: Modeler): void {
  const canvas = modeler.get<any>('canvas');
  const registry = modeler.get<any>('elementRegistry');
  modeler.get<any>('overlays').remove({ type: OVERLAY_TYPE });
  for (const id of marked) if (registry.get(id)) canvas.removeMarker(id, 'hl-error');
  marked = [];
}

export function showProblems(modeler: Modeler, issues: ElementIssue[]): void {
  clearProblems(modeler);
  const canvas = modeler.get<any>('canvas');
  const registry = modeler.get<any>('elementRegistry');
  const overlays = modeler.get<any>('overlays');
  const byElement = new Map<string, string[]>();
  for (const issue of issues) {
    if (!issue.elementId || !registry.get(issue.elementId)) continue;
    byElement.set(issue.elementId, [...(byElement.get(issue.elementId) ?? []), issue.message]);
  }
  for (const [id, messages] of byElement) {
    canvas.addMarker(id, 'hl-error');
    marked.push(id);
    const badge = document.createElement('div');
    badge.className = 'hl-error-badge';
    badge.textContent = String(messages.length);
    badge.title = messages.join('\n');
    badge.dataset.testid = `problem-badge-${id}`;
    overlays.add(id, OVERLAY_TYPE, { position: { top: -9, right: 9 }, html: badge });
  }
}

/** Selects and scrolls to an element from the problems list. */
export function revealElement(modeler: Modeler, elementId: string): void {
  const element = modeler.get<any>('elementRegistry').get(elementId);
  if (!element) return;
  modeler.get<any>('canvas').scrollToElement(element);
  modeler.get<any>('selection').select(element);
}

/** The process id and name of the diagram, which name the deployment resource. */
export function processOf(modeler: Modeler): { id: string; name?: string } | undefined {
  const defs = (modeler as any).getDefinitions?.();
  const process = defs?.rootElements?.find((e: any) => e.$type === 'bpmn:Process');
  const participant = defs?.rootElements
    ?.find((e: any) => e.$type === 'bpmn:Collaboration')
    ?.participants?.find((p: any) => p.processRef);
  const p = process ?? participant?.processRef;
  return p ? { id: p.id, name: p.name } : undefined;
}
