/** @module The layer and no-cycle rules (docs/architecture.md) as part of `npm test`, so a wrong import fails the build. */
import { describe, expect, it } from 'vitest';
import { importCycles, layerViolations, readEdges } from './check-deps';

describe('dependencies', () => {
  const { files, edges } = readEdges();

  it('given the whole tree, then every import points down the layers', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('given the whole tree, then no files import each other in a cycle', () => {
    expect(importCycles(files, edges)).toEqual([]);
  });

  it('given an engine file importing the server, then the check names it', () => {
    const bad = [{ from: 'engine/runtime/x.ts', to: 'server/app.ts', typeOnly: false }];
    expect(layerViolations(bad)).toEqual([
      'engine/runtime/x.ts → server/app.ts: engine may not import server',
    ]);
  });

  it('given two files importing each other, then the check reports the cycle', () => {
    const loop = [
      { from: 'a.ts', to: 'b.ts', typeOnly: true },
      { from: 'b.ts', to: 'a.ts', typeOnly: false },
    ];
    expect(importCycles(['a.ts', 'b.ts'], loop)).toEqual([['a.ts', 'b.ts']]);
  });

  it('given the browser bundle importing the store, then the check refuses it', () => {
    const bad = [{ from: 'ui/src/x.tsx', to: 'engine/store/schema.ts', typeOnly: false }];
    expect(layerViolations(bad)[0]).toContain('ui may import only the pure parts');
  });
});
