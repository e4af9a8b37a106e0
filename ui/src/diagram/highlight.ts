/** @module ui/diagram/highlight: from an instance's history, which elements were visited, which flows were taken, where incidents stand. */
import type { HistoryEvent } from '../api';

export interface Highlight {
  active: string[];
  visited: string[];
  /** Open incidents: element id → message. */
  incidents: Record<string, string>;
}

export function highlightFrom(history: HistoryEvent[], activeElementIds: string[]): Highlight {
  const visited = new Set<string>();
  const incidents: Record<string, string> = {};
  for (const e of history) {
    if (!e.elementId) continue;
    if (e.type === 'element.activated' || e.type === 'element.completed' || e.type === 'task.created') visited.add(e.elementId);
    if (e.type === 'incident.raised') {
      incidents[e.elementId] = String(e.data?.message ?? e.data?.error ?? '异常');
    }
    if (e.type === 'incident.resolved') delete incidents[e.elementId];
  }
  return { active: activeElementIds, visited: [...visited], incidents };
}

/** Minimal shape of a diagram connection, to decide whether a flow was taken. */
export interface FlowLike {
  id: string;
  source?: { id: string };
  target?: { id: string };
}

/**
 * The history names elements, not flows: a flow counts as taken when both ends were visited. With XOR loops
 * this can over-mark a flow whose both ends were reached by other routes; acceptable for a picture.
 */
export function takenFlows(flows: FlowLike[], visited: Set<string>): string[] {
  return flows.filter((f) => f.source && f.target && visited.has(f.source.id) && visited.has(f.target.id)).map((f) => f.id);
}

/**
 * The server's open incidents replace those read from history when the API lists them: the history cannot tell two
 * incidents of one element apart, nor one resolved by re-arming its job. Several on one element join their messages.
 */
export function withOpenIncidents(h: Highlight, open: { elementId: string; message: string }[] | undefined): Highlight {
  if (!open) return h;
  const incidents: Record<string, string> = {};
  for (const i of open) incidents[i.elementId] = incidents[i.elementId] ? `${incidents[i.elementId]}；${i.message}` : i.message;
  return { ...h, incidents };
}
