/** @module Builds the UI when ui/dist is missing or older than its sources; shared by `npm start` and the test setup. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const uiDir = path.join(root, 'ui');
const builtIndex = path.join(uiDir, 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['dist', 'node_modules', 'e2e'].includes(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function uiIsStale() {
  return !existsSync(builtIndex) || newestMtime(uiDir) > statSync(builtIndex).mtimeMs;
}

/** Returns false when the build failed. */
export function ensureUiBuilt() {
  if (!uiIsStale() || process.env.HUILIU_SKIP_UI_BUILD === '1') return true;
  console.log('[huiliu] 正在构建界面 building the UI (first start or sources changed)…');
  const t0 = Date.now();
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'ui/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) return false;
  console.log(`[huiliu] UI built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}
