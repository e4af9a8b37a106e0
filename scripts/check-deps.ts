/**
 * @module The layer rules and the no-cycle rule, checked over every import of our TypeScript
 * (docs/architecture.md). Run by `npm run lint` and by `scripts/check-deps.test.ts` in `npm test`.
 * Our imports are plain ES `import … from '…'` / `export … from '…'` / `import('…')`, so a scan of
 * the source text is exact enough and needs no compiler API (TypeScript 7 ships none).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Top-level areas, bottom first. */
const LAYERS = ['platform', 'identity', 'engine', 'forms', 'workflows', 'server', 'ui'] as const;
type Layer = (typeof LAYERS)[number] | 'root' | 'scripts' | 'bench' | 'e2e';

/**
 * What each area may import of ours. `ui` is special: it may take only the pure parts of engine and
 * forms (listed in UI_ALLOWED), never the server's code.
 */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  platform: [],
  identity: ['platform'],
  engine: ['platform'],
  forms: ['platform'],
  workflows: ['platform', 'identity', 'engine', 'forms'],
  server: ['platform', 'identity', 'engine', 'forms', 'workflows'],
  ui: ['engine', 'forms'],
  root: ['platform', 'identity', 'engine', 'forms', 'workflows', 'server'],
  scripts: ['platform', 'identity', 'engine', 'forms', 'workflows', 'server', 'ui'],
  bench: ['platform', 'identity', 'engine', 'forms', 'workflows', 'server'],
  // Whole-product tests (browser tests, a workflow driven through HTTP) start the composed server: they sit on top.
  e2e: ['platform', 'identity', 'engine', 'forms', 'workflows', 'server', 'ui'],
};

/** The browser bundle may import these folders of engine/forms: pure code, no database, no Node. */
const UI_ALLOWED = [
  /^engine\/bpmn\//,
  /^engine\/expressions\//,
  /^engine\/compile\//,
  /^engine\/exec\/feel/,
  /^engine\/(contract|types)\.ts$/,
  /^forms\/messages\//,
  /^forms\/definition\//,
];

/**
 * The engine's pure core (parse, validate, compile, step) runs in the browser too (the modeler's check): it
 * may not reach the runtime, the store or the database, directly or through a file it imports.
 */
const PURE =
  /^engine\/(bpmn|expressions|compile|elements|exec|calendar)\/|^engine\/(contract|types|index)\.ts$|^forms\/(messages|definition)\//;
const IMPURE = /^engine\/(runtime|store|testing)\/|^platform\/db\/|^forms\/(store|registry|attachments)\//;

const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'test-results', '.git', 'migrations', 'ui/dist']);

function layerOf(file: string): Layer {
  if (file.startsWith('ui/e2e/') || file.endsWith('.http.test.ts')) return 'e2e';
  const top = file.split('/')[0];
  if ((LAYERS as readonly string[]).includes(top)) return top as Layer;
  if (top === 'scripts') return 'scripts';
  if (top === 'bench') return 'bench';
  return 'root';
}

function listSources(dir = ROOT, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const rel = relative(ROOT, full);
    if (SKIP_DIRS.has(name) || SKIP_DIRS.has(rel)) continue;
    const st = statSync(full);
    if (st.isDirectory()) listSources(full, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function resolveImport(from: string, spec: string, files: Set<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = join(dirname(from), spec).replace(/\\/g, '/');
  const stripped = base.replace(/\.(js|ts|tsx|mjs)$/, '');
  for (const cand of [
    base,
    `${stripped}.ts`,
    `${stripped}.tsx`,
    `${stripped}/index.ts`,
    `${stripped}/index.tsx`,
  ]) {
    if (files.has(cand)) return cand;
  }
  return undefined;
}

export function readEdges(): { files: string[]; edges: Edge[] } {
  const files = listSources();
  const set = new Set(files);
  const edges: Edge[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[3] ?? m[4];
      const to = resolveImport(file, spec, set);
      if (to) edges.push({ from: file, to, typeOnly: Boolean(m[2]) });
    }
  }
  return { files, edges };
}

export function layerViolations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    if (PURE.test(e.from) && IMPURE.test(e.to) && !e.from.endsWith('.test.ts')) {
      out.push(`${e.from} → ${e.to}: the engine's pure core may not reach the runtime, store or database`);
    }
    const a = layerOf(e.from);
    const b = layerOf(e.to);
    if (a === b) continue;
    if (!ALLOWED[a].includes(b)) {
      out.push(`${e.from} → ${e.to}: ${a} may not import ${b}`);
      continue;
    }
    if (a === 'ui' && !UI_ALLOWED.some((re) => re.test(e.to))) {
      out.push(`${e.from} → ${e.to}: ui may import only the pure parts of engine and forms`);
    }
  }
  return out;
}

/** Strongly connected components of more than one file (Tarjan), each a cycle to break. */
export function importCycles(files: string[], edges: Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { files, edges } = readEdges();
  const bad = layerViolations(edges);
  const cycles = importCycles(files, edges);
  for (const b of bad) console.log(`layer: ${b}`);
  for (const c of cycles) console.log(`cycle: ${c.join(' ⇄ ')}`);
  console.log(
    `${files.length} files, ${edges.length} imports: ${bad.length} layer violations, ${cycles.length} cycles`,
  );
  process.exit(bad.length + cycles.length ? 1 : 0);
}
