/**
 * @module `npm run gen:api`: the UI's API types from the server's own OpenAPI 3.1 document. openapi-typescript
 * needs the TypeScript 5 compiler API (we have TypeScript 7, which ships none), so this is a small generator of
 * our own: it composes the server on an in-memory database (the same routes `npm start` serves, without the test
 * clock), reads `/api/openapi.json`, and writes `ui/src/api/generated.ts`: each named schema of
 * `components.schemas` as a type, and per path and method the responses by status, the JSON request body and
 * the query. The file is committed (tsc works on a fresh clone) and rewritten only when its text changes;
 * `scripts/gen-api-types.test.ts` fails when the committed file is stale. `--check` exits 1 instead of writing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestDatabase } from '../platform/db/testing';
import { composeServer } from '../server/compose';
import { apiTypesSource, type OpenApiDocument } from './openapi-to-ts';

export const GENERATED = join(fileURLToPath(new URL('..', import.meta.url)), 'ui/src/api/generated.ts');

/** The document the server serves, read from a composed app that never listens. */
export async function readOpenApiDocument(): Promise<OpenApiDocument> {
  const database = await openTestDatabase('pglite');
  const server = await composeServer({
    database,
    demo: false,
    demoContent: false,
    startPollers: false,
    config: { testClock: false, databaseUrl: undefined },
  });
  try {
    const res = await server.app.request('/api/openapi.json');
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
    return (await res.json()) as OpenApiDocument;
  } finally {
    await server.close();
    await database.close();
  }
}

export async function generatedApiTypes(): Promise<string> {
  return apiTypesSource(await readOpenApiDocument());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await generatedApiTypes();
  let current = '';
  try {
    current = readFileSync(GENERATED, 'utf8');
  } catch {}
  if (current === text) {
    console.log('[gen:api] ui/src/api/generated.ts is up to date');
  } else if (process.argv.includes('--check')) {
    console.error('[gen:api] ui/src/api/generated.ts is stale: run `npm run gen:api`');
    process.exit(1);
  } else {
    writeFileSync(GENERATED, text);
    console.log('[gen:api] wrote ui/src/api/generated.ts');
  }
  // PGlite's worker and the app's timers would keep the process up a little longer.
  process.exit(0);
}
