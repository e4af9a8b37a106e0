/** @module Strongly connected components by Tarjan's algorithm, iterative so long chains cannot overflow the stack. */

/** Components of the graph, each a list of vertices; a vertex on no cycle forms a component of its own. */
export function stronglyConnected(count: number, succ: number[][]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let start = 0; start < count; start++) {
    if (index[start] !== -1) continue;
    const frames: [number, number][] = [[start, 0]];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const v = frame[0];
      const w = succ[v]![frame[1]++];
      if (w !== undefined) {
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let x: number;
        do {
          x = stack.pop()!;
          onStack[x] = 0;
          component.push(x);
        } while (x !== v);
        components.push(component);
      }
    }
  }
  return components;
}
