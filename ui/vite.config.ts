/** @module ui/vite.config: builds the browser app from ui/ into ui/dist; the dev server proxies /api to the hono server. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The modeler chunk (bpmn-js + properties panel) is large by nature and loads only on /modeler.
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
