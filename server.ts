/**
 * @module Entry point (`npm start`, or `npm run serve` from dist/): serves http://localhost:$PORT. On SIGTERM/SIGINT
 * it stops gracefully: no new connections, in-flight requests and the running job finish (at most 10 s), pollers
 * stop, claimed work is handed back, the database closes, exit 0.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { demoUsersExist } from './identity/store';
import { composeServer } from './server/compose';
import { claimDataDir, runningServerPid } from './server/ops/data-dir-lock';
import { createLogger } from './server/ops/logger';
import { isClusterPrimary, runPrimary, workerCount } from './server/http/workers';

const STOP_DEADLINE_MS = 10_000;
/** A connection quiet this long while stopping is closed (its client reconnects to another process). */
const GRACE_MS = 1000;
/**
 * A connection that has not yet carried a request was opened to send one: under load its first bytes may take longer
 * than GRACE_MS to be read, and closing it then resets a request the client already sent (seen in CI under load).
 */
const FIRST_REQUEST_GRACE_MS = 5000;
/** How long a stopping process still accepts connections (already on their way) before it stops listening. */
const DRAIN_MS = 500;
const started = performance.now();
// Lines are gathered up to 4 KB per write (one syscall per request line cost ~5% of the server's CPU under load) and
// flushed at least every 500 ms, so a quiet server's lines still show up at once; exit() flushes what is left.
const out = pino.destination({ dest: 1, sync: false, minLength: 4096 });
setInterval(() => out.flush(), 500).unref();
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

// HUILIU_WORKERS=n (PostgreSQL only): this process forks n workers that run everything below, and supervises them.
let workers = 1;
try {
  workers = workerCount(process.env);
} catch (err) {
  log.fatal({ err }, '启动失败 start failed');
  exit(1);
}
if (isClusterPrimary(workers)) await runPrimary(workers, log, exit);

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
// operator names the address in HOST on purpose (docs/api.md "Demo data").
const demoOnly = !process.env.HOST && (await demoUsersExist(ctx.deps.db));
const hostname = process.env.HOST || (demoOnly ? '127.0.0.1' : '0.0.0.0');
if (demoOnly)
  log.warn(
    '存在演示用户，仅监听 127.0.0.1（设置 HOST 可改变）/ demo users exist: listening on 127.0.0.1 only (set HOST to change)',
  );

const server = serve(
  {
    fetch: (req, env) =>
      // A stopping process is no longer ready: the load balancer stops sending it work while it drains.
      stopping && new URL(req.url).pathname === '/readyz'
        ? Response.json({ status: 'stopping' }, { status: 503 })
        : ctx.app.fetch(req, env),
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

// Which connections have a request in flight (and since when each is quiet), for the graceful stop's sweep.
const sockets = new Map<Socket, { busy: number; since: number; served: number }>();
server.on('connection', (socket: Socket) => {
  sockets.set(socket, { busy: 0, since: Date.now(), served: 0 });
  socket.once('close', () => sockets.delete(socket));
});
server.on('request', (req: IncomingMessage, res: ServerResponse) => {
  const state = sockets.get(req.socket);
  if (!state) return;
  state.busy++;
  state.served++;
  res.once('close', () => {
    state.busy--;
    state.since = Date.now();
  });
});

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
  // Connections already on their way (in the listen backlog, opened by a client or proxy that had not yet seen
  // /readyz fail) are still accepted for a moment: closing the listener at once would reset them.
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  // Then stop listening. Not http's server.close(): it also drops "idle" keep-alive connections at once, and under
  // load that reset connections whose request was on its way.
  const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
  // Connections close once they have had no request in flight for a while (requests arriving meanwhile are answered).
  // Not `Connection: close` on the answers: a client that already sent its next request on that socket would see it
  // reset.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [socket, state] of sockets)
      if (state.busy === 0 && now - state.since >= (state.served ? GRACE_MS : FIRST_REQUEST_GRACE_MS))
        socket.destroy();
  }, 100);
  await closed;
  clearInterval(sweep);
  await ctx.close().catch((err) => log.error({ err }, 'close failed'));
  releaseDataDir();
  clearTimeout(deadline);
  log.info('已停止 stopped');
  exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
