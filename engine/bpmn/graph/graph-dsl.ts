/**
 * @module A terse notation for hand-built flow graphs in tests and examples.
 * Nodes: `id:kind` separated by spaces, kind one of start end task xor and or event other, with a trailing `!`
 * for a wait state (`fill:task!`). Flows: chains `a>b>c` separated by spaces; each link gets the id `a-b`.
 */
import type { FlowGraph, FlowNodeKind } from './types';

const kinds: Record<string, FlowNodeKind> = {
  start: 'start',
  end: 'end',
  task: 'task',
  xor: 'exclusiveGateway',
  and: 'parallelGateway',
  or: 'inclusiveGateway',
  event: 'eventBasedGateway',
  other: 'other',
};

export function flowGraph(nodes: string, flows: string): FlowGraph {
  return {
    nodes: nodes
      .trim()
      .split(/\s+/)
      .map((spec) => {
        const [id, rawKind] = spec.split(':') as [string, string];
        const kind = kinds[rawKind.replace('!', '')];
        if (!kind) throw new Error(`unknown kind in ${spec}`);
        return { id, kind, waitState: rawKind.endsWith('!') };
      }),
    flows: flows
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((chain) => {
        const ids = chain.split('>');
        return ids
          .slice(1)
          .map((targetRef, i) => ({ id: `${ids[i]}-${targetRef}`, sourceRef: ids[i]!, targetRef }));
      }),
  };
}
