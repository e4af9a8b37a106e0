/** @module `npm run bench -- <name> [args]`: runs one benchmark (engine, runtime, http, inbox, supervision, catalog, …). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name, ...rest] = process.argv.slice(2);
const file = name ? path.join(here, `${name}.ts`) : '';
if (!name || name === 'index' || !existsSync(file)) {
  console.error('usage: npm run bench -- <engine|runtime|http|inbox|supervision|catalog|import> [--json]');
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...rest], { stdio: 'inherit' });
process.exit(r.status ?? 1);
