/** @module Builds the whole server from a config: database, seed, services, app. Used by server.ts and by tests. */
import { dataKeysFrom, encryptionAtRest, installDataKeys } from '../platform/crypto/data-keys';
import type { Database } from '../platform/db/open-db';
import { LOCK_KEYS, openDatabase } from '../platform/db/open-db';
import { type Logger, silentLogger } from './ops/logger';
import { createMetrics } from './ops/metrics';
import { createTestClock, systemClock } from '../platform/clock';
import { type AppConfig, type AppDeps, type Clock, loadConfig } from './deps';
import { createApp, type RouteModule } from './app';
import { seedDemoUsers, seedUnits } from '../identity/seed';
import type { App } from './http/env';
import { createLiveCalendar } from './calendar/live-calendar';
import { calendarRoutes } from './routes/calendar';
import { formRoutes } from './routes/forms';
import { deploymentRoutes } from './routes/deployments';
import { decisionRoutes } from './routes/decisions';
import { messageRoutes } from './routes/messages';
import { signalRoutes } from './routes/signals';
import { instanceRoutes } from './routes/instances';
import { repairRoutes } from './routes/repair';
import { approvalFlowRoutes } from './routes/approval-flow';
import { taskRoutes } from './routes/tasks';
import { taskOpsRoutes } from './routes/task-ops';
import { recordRoutes } from './routes/record';
import { attachmentRoutes } from './routes/attachments';
import { catalogRoutes } from './routes/catalog';
import { notificationRoutes } from './routes/notifications';
import { draftRoutes } from './routes/drafts';
import { supervisionRoutes } from './routes/supervision';
import { composeEngine } from './services';
import { startSessionUpkeep } from './auth/session-upkeep';
import { catalog, problems } from '../workflows';
import type { WorkdayCalendar } from '../engine/calendar';

export interface ServerContext {
  app: App;
  deps: AppDeps;
  /** Stops pollers and closes the database. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  config?: Partial<AppConfig>;
  /** An already-open database (tests pass a fresh test database). */
  database?: Database;
  /** Seed demo users (default: per docs/api.md, embedded database only, or HUILIU_DEMO=1). */
  demo?: boolean;
  clock?: Clock;
  uiDist?: string;
  /** Seed demo catalog entries and problems (default: only a real server on the embedded database). */
  demoContent?: boolean;
  /** Start timer and job pollers (default true; tests drive them through the test clock). */
  startPollers?: boolean;
  /** JSON logger (server.ts passes the stdout one; default silent). */
  log?: Logger;
}

export async function composeServer(options: ComposeOptions = {}): Promise<ServerContext> {
  const config: AppConfig = { ...loadConfig(), ...options.config };
  installDataKeys(dataKeysFrom(config.dataKey, config.dataKeyOld)); // throws on a malformed key: better than no start
  if (!encryptionAtRest())
    console.warn(
      '[huiliu] 静态数据加密未开启：设置 HUILIU_DATA_KEY 以加密敏感数据项和附件 / encryption at rest is off: set HUILIU_DATA_KEY to encrypt sensitive data items and attachments',
    );
  const log = options.log ?? silentLogger();
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      onError: (message, err) =>
        log.warn(
          { err: { message: err.message, code: (err as { code?: string }).code } },
          `database: ${message}`,
        ),
    }));
  const clock = options.clock ?? (config.testClock ? createTestClock() : systemClock);
  const metrics = createMetrics({ db: database.db, now: () => clock.now() });
  const deps: AppDeps = { config, database, db: database.db, clock, services: {}, log, metrics };
  // Processes starting together on one PostgreSQL do their start-up fills (seeds, shipped deployments, demo
  // content) one after another: the later ones find the work done instead of racing to insert it twice.
  const engine = await database.exclusive(LOCK_KEYS.startup, () => startUp(deps, options));
  const routes: RouteModule[] = [
    calendarRoutes,
    formRoutes,
    attachmentRoutes,
    deploymentRoutes,
    messageRoutes,
    signalRoutes,
    decisionRoutes,
    instanceRoutes,
    repairRoutes,
    approvalFlowRoutes,
    // Before taskRoutes: its /api/tasks/{id} would otherwise take /api/tasks/counts.
    taskOpsRoutes,
    taskRoutes,
    recordRoutes,
    catalogRoutes,
    supervisionRoutes,
    notificationRoutes,
    draftRoutes,
  ];
  const stoppers: (() => Promise<void>)[] = [engine.stop, await startSessionUpkeep(deps)];
  // 更新提醒 (三(四)): every process may run it; each reminder is claimed once (catalog/stale-reminders.ts).
  if (options.startPollers ?? true)
    stoppers.push(
      catalog.startStaleReminders(
        deps.db,
        () => deps.services.calendar as WorkdayCalendar | undefined,
        () => deps.clock.now(),
        { onError: (err) => log.error({ err }, '更新提醒失败 / stale-entry reminders failed') },
      ),
    );
  const app = createApp(deps, routes, { uiDist: options.uiDist });
  return {
    app,
    deps,
    async close() {
      for (const stop of stoppers.reverse()) await stop();
      if (!options.database) await database.close();
    },
  };
}

async function startUp(deps: AppDeps, options: ComposeOptions) {
  const { config } = deps;
  const log = deps.log ?? silentLogger();
  await seedUnits(deps.db);
  const demo = options.demo ?? (!config.databaseUrl || process.env.HUILIU_DEMO === '1');
  if (demo && (await seedDemoUsers(deps.db, config.demoPassword))) {
    // The public default is named (docs/api.md: printed with a warning); a password the operator chose is never logged.
    const shown =
      config.demoPassword === 'huiliu-demo'
        ? `"huiliu-demo"`
        : '由 HUILIU_DEMO_PASSWORD 设定 (set by HUILIU_DEMO_PASSWORD)';
    log.warn(`已创建演示用户，密码为 ${shown}。生产环境请勿使用。demo users created: not for production.`);
  }
  const calendar = createLiveCalendar();
  await calendar.reload(deps.db);
  deps.services.calendar = calendar;
  // Problems archived before their working days were stored (migration 0010) get the figure once; afterwards the
  // partial index of unfilled rows is empty and this finds nothing at once.
  await problems.refreshProblemWorkdays(deps.db, calendar, { missingOnly: true });

  return composeEngine(deps, {
    startPollers: options.startPollers ?? true,
    demo: options.demoContent ?? (demo && !config.databaseUrl && !options.database),
  });
}
