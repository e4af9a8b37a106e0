/** @module Entry point: `npm start` runs this after building the UI. Serves http://localhost:$PORT. */
import { serve } from '@hono/node-server';
import { composeServer } from './server/compose';

const started = performance.now();
const ctx = await composeServer();
const { port } = ctx.deps.config;

const server = serve({ fetch: ctx.app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, () => {
  const where = ctx.deps.database.kind === 'pglite' ? `嵌入式数据库 ${ctx.deps.config.dataDir}` : 'PostgreSQL';
  console.log(`[huiliu] 汇流已就绪 ready at http://localhost:${port} (${where}) in ${Math.round(performance.now() - started)} ms`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[huiliu] ${signal}: stopping`);
  server.close();
  await ctx.close().catch((e) => console.error('[huiliu] close failed:', e));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
