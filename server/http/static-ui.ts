/** @module Serves the built UI (ui/dist) with SPA fallback: unknown non-API paths get index.html. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from './env';

export function mountUi(app: App, distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', (c) => c.text('UI not built: run `npm run build` (npm start does it for you).', 503));
    return;
  }
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root }));
  // Read per request only when missing from memory: index.html is small and changes with each build.
  let cached: string | undefined;
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    cached ??= readFileSync(indexFile, 'utf8');
    return c.html(cached);
  });
}
