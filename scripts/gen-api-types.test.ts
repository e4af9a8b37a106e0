/** @module The committed ui/src/api/generated.ts is what the server's OpenAPI document gives today. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, generatedApiTypes } from './gen-api-types';

describe('ui/src/api/generated.ts', () => {
  it('given the routes as they are, when the types are generated again, then the committed file is the same (else run `npm run gen:api`)', async () => {
    const fresh = await generatedApiTypes();
    // toBe on the whole text would print two 1000-line files; a line diff says what changed.
    const committed = readFileSync(GENERATED, 'utf8').split('\n');
    const lines = fresh.split('\n');
    const changed = lines
      .map((line, i) => (line === committed[i] ? null : `${i + 1}: ${committed[i] ?? '(none)'} → ${line}`))
      .filter((x) => x !== null)
      .slice(0, 20);
    expect(changed, 'ui/src/api/generated.ts is stale: run `npm run gen:api`').toEqual([]);
    expect(committed.length).toBe(lines.length);
    // Composing the whole server (migrations, shipped deployments) takes a while on a busy machine.
  }, 180_000);
});
