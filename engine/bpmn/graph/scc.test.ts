/** @module Tests of Tarjan's strongly connected components. */
import { describe, expect, it } from 'vitest';
import { stronglyConnected } from './scc';

const normalise = (components: number[][]) =>
  components.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);

describe('stronglyConnected', () => {
  it('given two loops joined by a one-way edge and a lone vertex when split then three components', () => {
    // 0 ⇄ 1 → 2 → 3 → 2, 4 alone
    const succ = [[1], [0, 2], [3], [2], []];
    expect(normalise(stronglyConnected(5, succ))).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('given a 100,000-vertex ring when split then one component and no stack overflow', () => {
    const n = 100_000;
    const succ = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    const components = stronglyConnected(n, succ);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
