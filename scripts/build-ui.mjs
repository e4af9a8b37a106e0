/**
 * @module `npm test` runs this first: the UI's API types regenerated from the server's OpenAPI document when a
 * server source is newer than them (scripts/gen-api-types.ts; a changed file makes the UI stale), then the
 * browser tests need the built UI (only rebuilt when sources changed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureUiBuilt, root } from './ui-build.mjs';

const generated = path.join(root, 'ui/src/api/generated.ts');
/** When the types were last checked: the file itself keeps its mtime when unchanged, so the UI is not rebuilt. */
const stamp = path.join(root, 'node_modules/.cache/huiliu/gen-api.stamp');

function newestTs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestTs(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** The routes and their zod schemas live in server/ (composing the server to read its document takes seconds). */
function apiTypesStale() {
  if (process.env.HUILIU_GEN_API === '1' || !existsSync(generated) || !existsSync(stamp)) return true;
  return newestTs(path.join(root, 'server')) > statSync(stamp).mtimeMs;
}

if (apiTypesStale()) {
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  const r = spawnSync(process.execPath, [tsx, 'scripts/gen-api-types.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[huiliu] API types generation failed (scripts/gen-api-types.ts)');
    process.exit(1);
  }
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

if (!ensureUiBuilt()) {
  console.error('[huiliu] UI build failed');
  process.exit(1);
}
