/**
 * @module `npm run build` (after the UI): bundles server.ts and cli.ts into dist/ as plain JavaScript for
 * `npm run serve` (node, no TypeScript loader). npm packages stay external (node_modules is used as installed).
 * Files read at run time (migrations, the shipped BPMN and forms, ui/dist) stay where they are in the checkout:
 * each source file's `import.meta.url` is rewritten to that file's own place relative to dist/, so its
 * `path.dirname(fileURLToPath(import.meta.url))` still names its folder.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { root } from './ui-build.mjs';

// `--outdir <folder>` (a sibling of dist/, for the build test); the default is dist/.
const outFlag = process.argv.indexOf('--outdir');
const outdir = path.resolve(root, outFlag >= 0 ? process.argv[outFlag + 1] : 'dist');

/** @type {import('esbuild').Plugin} */
const keepSourceLocations = {
  name: 'keep-source-locations',
  setup(b) {
    // JSON inside packages (moddle descriptors) is bundled: node would need an import attribute to load it.
    const require = createRequire(path.join(root, 'package.json'));
    b.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: require.resolve(args.path) }));
    // A deep import into a package without an `exports` map (ajv-i18n/localize/zh) only resolves under CommonJS
    // rules; node's ESM loader wants the file: point at it, relative to dist/ so the checkout stays movable.
    b.onResolve({ filter: /^(@[^/]+\/)?[^./@][^/]*\/.+/ }, (args) => {
      const name = args.path
        .split('/')
        .slice(0, args.path.startsWith('@') ? 2 : 1)
        .join('/');
      let manifest;
      try {
        manifest = require(`${name}/package.json`);
      } catch {
        return undefined; // an exports map that hides package.json: node resolves it as written
      }
      if (manifest.exports) return { path: args.path, external: true };
      const file = path.relative(outdir, require.resolve(args.path)).split(path.sep).join('/');
      return { path: file, external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const relative = path.relative(outdir, args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

const t0 = performance.now();
await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { server: 'server.ts', cli: 'cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [keepSourceLocations],
});
console.log(
  `[huiliu] 服务器已编译 server built into ${path.relative(root, outdir)}/ in ${Math.round(performance.now() - t0)} ms`,
);
