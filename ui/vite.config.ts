/** @module ui/vite.config: builds the browser app from ui/ into ui/dist; the dev server proxies /api to the hono server. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const modules = fileURLToPath(new URL('../node_modules/', import.meta.url));

/**
 * Smaller first load for every page, without changing any import in the app:
 * - `antd/locale/*` is CommonJS re-exporting antd/lib (a second copy of the locale tables beside antd/es): use the ES files.
 * - react-router publishes only its development build through `exports` (dev warnings, ~8 kB raw); a production
 *   bundle takes its production build. Both entry points move together so there is one router context.
 */
const alias = [
  { find: /^antd\/locale\/(\w+)$/, replacement: 'antd/es/locale/$1' },
  { find: /^react-router$/, replacement: `${modules}react-router/dist/production/index.mjs` },
  { find: /^react-router\/dom$/, replacement: `${modules}react-router/dist/production/dom-export.mjs` },
];

export default defineConfig(({ command }) => ({
  root,
  base: '/',
  plugins: [react()],
  resolve: { alias: command === 'build' ? alias : alias.slice(0, 1) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The modeler chunk (bpmn-js + properties panel) is large by nature and loads only on /modeler.
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
    // dist/.vite/manifest.json: scripts/ui-sizes.mjs follows it to report each route's first-load JS and CSS.
    manifest: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
}));
