/**
 * @module Entry point (`npm start`, or `npm run serve` from dist/): serves http://localhost:$PORT. On SIGTERM/SIGINT
 * it stops gracefully: no new connections, in-flight requests and the running job finish (at most 10 s), pollers
 * stop, claimed work is handed back, the database closes, exit 0.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { demoUsersExist } from './identity/store';
import { composeServer } from './server/compose';
import { claimDataDir, runningServerPid } from './server/ops/data-dir-lock';
import { createLogger } from './server/ops/logger';

const STOP_DEADLINE_MS = 10_000;
const started = performance.now();
const out = pino.destination({ dest: 1, sync: false });
const log = createLogger({ destination: out });
/** Exits after the buffered log lines are written. */
function exit(code: number): never {
  try {
    out.flushSync();
  } catch {
    // not yet open: nothing buffered
  }
  process.exit(code);
}

// A stray error (a dropped database socket emitting where nobody listens) is logged; the process keeps serving.
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception'));

let ctx: Awaited<ReturnType<typeof composeServer>>;
let releaseDataDir = () => {};
try {
  const dataDir = process.env.DATABASE_URL ? undefined : (process.env.HUILIU_DATA_DIR ?? './data');
  const owner = dataDir && runningServerPid(dataDir);
  if (owner)
    throw new Error(`数据目录 ${dataDir} 正由进程 ${owner} 使用 (the data folder is in use by pid ${owner})`);
  ctx = await composeServer({ log });
  if (dataDir) releaseDataDir = claimDataDir(dataDir);
} catch (err) {
  log.fatal({ err }, '启动失败 start failed');
  exit(1);
}
const { port } = ctx.deps.config;
let stopping = false;
// Demo accounts share a public password: with any of them present only this machine may connect, unless the
// operator names the address in HOST on purpose (API.md "Demo data").
const demoOnly = !process.env.HOST && (await demoUsersExist(ctx.deps.db));
const hostname = process.env.HOST || (demoOnly ? '127.0.0.1' : '0.0.0.0');
if (demoOnly) log.warn('存在演示用户，仅监听 127.0.0.1（设置 HOST 可改变）/ demo users exist: listening on 127.0.0.1 only (set HOST to change)');

const server = serve(
  {
    fetch: async (req, env) => {
      const res = await ctx.app.fetch(req, env);
      // While stopping, answered keep-alive connections close so clients reconnect to another process.
      if (stopping) res.headers.set('connection', 'close');
      return res;
    },
    port,
    hostname,
  },
  () => {
    const where =
      ctx.deps.database.kind === 'pglite' ? `嵌入式数据库 ${ctx.deps.config.dataDir}` : 'PostgreSQL';
    log.info(
      { port, database: ctx.deps.database.kind, ms: Math.round(performance.now() - started) },
      `汇流已就绪 ready at http://localhost:${port} (${where})`,
    );
  },
) as Server;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, '正在停止 stopping');
  const deadline = setTimeout(() => {
    log.warn('10 秒内未能完成，强制退出 stop deadline reached, exiting');
    server.closeAllConnections();
    exit(0);
  }, STOP_DEADLINE_MS);
  deadline.unref();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await closed;
  await ctx.close().catch((err) => log.error({ err }, 'close failed'));
  releaseDataDir();
  clearTimeout(deadline);
  log.info('已停止 stopped');
  exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
