/** @module Serves the built UI (ui/dist) with SPA fallback: unknown non-API paths get index.html. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { App } from './env';

export function mountUi(app: App, distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', (c) => c.text('UI not built: run `npm run build` (npm start does it for you).', 503));
    return;
  }
  const root = path.relative(process.cwd(), distDir) || '.';
  // The inbox's first load is ~1.8 MB of JS; gzip makes it ~0.6 MB on a county's office network.
  app.use('/assets/*', compress());
  app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root }));
  // index.html names the hashed assets of the build it came from: re-read it when a rebuild replaced it,
  // or a running server would hand out asset names that no longer exist (a blank page).
  let cached: { html: string; mtimeMs: number } | undefined;
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const { mtimeMs } = statSync(indexFile);
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { html: readFileSync(indexFile, 'utf8'), mtimeMs };
    return c.html(cached.html);
  });
}
