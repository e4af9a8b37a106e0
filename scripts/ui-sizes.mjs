/**
 * @module `npm run ui:sizes`: each route's first-load JS and CSS (raw and gzip) from the Vite manifest of the last
 * build (ui/dist/.vite/manifest.json), plus the total built size. A route's first load is the entry's static-import
 * closure plus its lazy page chunk's static-import closure: what the browser fetches before the page can render.
 * Flags: --files lists each route's files; --json prints the numbers as JSON; --route /tasks limits the output.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const uiDir = path.join(root, 'ui');
const dist = path.join(uiDir, 'dist');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
const args = process.argv.slice(2);
const onlyRoute = args.includes('--route') ? args[args.indexOf('--route') + 1] : undefined;

if (!existsSync(manifestFile)) {
  console.error(`no ${path.relative(root, manifestFile)}: build first (node scripts/build-ui.mjs); vite.config must set build.manifest`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

/** Sizes per built file, measured once; gzip at zlib's default level, as hono's compress() sends it. */
const sizeCache = new Map();
function sizeOf(file) {
  if (!sizeCache.has(file)) {
    const bytes = readFileSync(path.join(dist, file));
    sizeCache.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  return sizeCache.get(file);
}

/** The JS and CSS files a chunk needs before it runs: itself, its static imports (transitively) and their CSS. */
function closure(key, seen = new Set(), files = { js: new Set(), css: new Set() }) {
  if (seen.has(key)) return files;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no ${key}`);
  if (chunk.file.endsWith('.js')) files.js.add(chunk.file);
  for (const css of chunk.css ?? []) files.css.add(css);
  for (const dep of chunk.imports ?? []) closure(dep, seen, files);
  return files;
}

/** Route path → lazy page module, read from app.tsx's `lazy(() => import(...))` and `<Route path element>` lines. */
function routes() {
  const app = readFileSync(path.join(uiDir, 'src', 'app.tsx'), 'utf8');
  const pages = new Map();
  for (const m of app.matchAll(/const (\w+) = lazy\(\(\) => import\('\.\/([^']+)'\)\)/g)) pages.set(m[1], `src/${m[2]}.tsx`);
  const out = [];
  for (const m of app.matchAll(/<Route path="([^"]+)" element=\{<(\w+) \/>\}/g)) {
    const page = pages.get(m[2]);
    if (page && manifest[page] && !out.some((r) => r.page === page)) out.push({ route: m[1], page });
  }
  return out;
}

const sum = (files) =>
  [...files].reduce((acc, f) => {
    const s = sizeOf(f);
    return { raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip, count: acc.count + 1 };
  }, { raw: 0, gzip: 0, count: 0 });

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const rows = routes()
  .filter((r) => !onlyRoute || r.route === onlyRoute)
  .map(({ route, page }) => {
    const files = closure(page, new Set(), closure(entryKey));
    return { route, page, js: sum(files.js), css: sum(files.css), files: [...files.js, ...files.css] };
  });

function allBuilt(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === '.vite' ? [] : allBuilt(path.join(dir, e.name))) : [path.relative(dist, path.join(dir, e.name))],
  );
}
const built = allBuilt(dist);
const total = {
  files: built.length,
  raw: built.reduce((n, f) => n + statSync(path.join(dist, f)).size, 0),
  js: sum(built.filter((f) => f.endsWith('.js'))),
  css: sum(built.filter((f) => f.endsWith('.css'))),
};

if (args.includes('--json')) {
  console.log(JSON.stringify({ routes: rows, total }, null, 2));
  process.exit(0);
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const table = [
  ['route', 'JS files', 'JS raw', 'JS gzip', 'CSS raw', 'CSS gzip'],
  ...rows.map((r) => [r.route, String(r.js.count), kb(r.js.raw), kb(r.js.gzip), kb(r.css.raw), kb(r.css.gzip)]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  if (i > 0 && args.includes('--files')) for (const f of rows[i - 1].files) console.log(`    ${f.padEnd(48)} ${kb(sizeOf(f).gzip).padStart(9)} gzip`);
}
console.log(
  `\ntotal built: ${total.files} files, ${kb(total.raw)} raw; JS ${kb(total.js.raw)} (${kb(total.js.gzip)} gzip) in ${total.js.count} files; CSS ${kb(total.css.raw)} (${kb(total.css.gzip)} gzip)`,
);
