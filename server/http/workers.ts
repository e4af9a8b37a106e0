/**
 * @module `HUILIU_WORKERS=n`: n server processes on one port (node:cluster) and one PostgreSQL, for a machine whose
 * cores one Node.js event loop cannot fill. Each worker is a whole server (its own pool, schedulers, session
 * revocation listener): everything #14 made safe for several processes behind a load balancer holds for them too.
 * The primary only forks, restarts a worker that dies, and on SIGTERM/SIGINT passes the signal on and exits when
 * every worker has stopped gracefully. The embedded database is one process's folder, so it keeps one process.
 */
import cluster, { type Worker } from 'node:cluster';

/** How long a worker that dies at once is left down before it is forked again (a crash loop must not spin). */
const RESTART_DELAY_MS = 1000;

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The number of worker processes asked for: 1 (no cluster) unless HUILIU_WORKERS names more and the database is
 * PostgreSQL. Throws a clear error for a value that is not a whole number from 1 to 64, or several on PGlite.
 */
export function workerCount(env: NodeJS.ProcessEnv): number {
  const raw = env.HUILIU_WORKERS?.trim();
  if (!raw) return 1;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(
      `HUILIU_WORKERS 须为 1 到 64 的整数 / HUILIU_WORKERS must be a whole number from 1 to 64 (got "${raw}")`,
    );
  if (n > 1 && !env.DATABASE_URL)
    throw new Error(
      'HUILIU_WORKERS > 1 需要 PostgreSQL（设置 DATABASE_URL）：嵌入式数据库只能由一个进程打开 / several workers need PostgreSQL (DATABASE_URL): the embedded database is opened by one process only',
    );
  return n;
}

/** True in the primary of a cluster of `n` workers: the caller then runs nothing but `runPrimary`. */
export const isClusterPrimary = (n: number) => n > 1 && cluster.isPrimary;

/** Forks `n` workers and supervises them until a stop signal; resolves never (the process exits from here). */
export function runPrimary(n: number, log: WorkerLog, exit: (code: number) => never): Promise<never> {
  let stopping = false;
  let worst = 0;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (!stopping) {
      log.warn(
        { pid: worker.process.pid, code, signal },
        '工作进程意外退出，正在重启 a worker died; forking another',
      );
      setTimeout(() => stopping || fork(), RESTART_DELAY_MS).unref();
      return;
    }
    if (code) worst = Math.max(worst, code);
    if (Object.keys(cluster.workers ?? {}).length === 0) exit(worst);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, '正在停止所有工作进程 stopping the workers');
    // Each worker drains its own connections (server.ts); the primary only waits for them.
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  log.info({ workers: n }, `启动 ${n} 个工作进程 forking ${n} workers`);
  for (let i = 0; i < n; i++) fork();
  return new Promise<never>(() => {});
}
