/** @module Builds the whole server from a config: database, seed, services, app. Used by server.ts and by tests. */
import type { Database } from '../platform/db/open-db';
import { openDatabase } from '../platform/db/open-db';
import { createTestClock, systemClock } from '../platform/clock';
import { type AppConfig, type AppDeps, type Clock, loadConfig } from './deps';
import { createApp, type RouteModule } from './app';
import { seedDemoUsers, seedUnits } from '../identity/seed';
import type { App } from './http/env';
import { createLiveCalendar } from './calendar/live-calendar';
import { calendarRoutes } from './routes/calendar';
import { formRoutes } from './routes/forms';
import { deploymentRoutes } from './routes/deployments';
import { instanceRoutes } from './routes/instances';
import { taskRoutes } from './routes/tasks';
import { attachmentRoutes } from './routes/attachments';
import { catalogRoutes } from './routes/catalog';
import { notificationRoutes } from './routes/notifications';
import { supervisionRoutes } from './routes/supervision';
import { composeEngine } from './services';
import { startSessionUpkeep } from './auth/session-upkeep';
import { problems } from '../workflows';

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
  /** Seed demo users (default: per API.md, embedded database only, or HUILIU_DEMO=1). */
  demo?: boolean;
  clock?: Clock;
  uiDist?: string;
  /** Seed demo catalog entries and problems (default: only a real server on the embedded database). */
  demoContent?: boolean;
  /** Start timer and job pollers (default true; tests drive them through the test clock). */
  startPollers?: boolean;
}

export async function composeServer(options: ComposeOptions = {}): Promise<ServerContext> {
  const config: AppConfig = { ...loadConfig(), ...options.config };
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const clock = options.clock ?? (config.testClock ? createTestClock() : systemClock);
  const deps: AppDeps = { config, database, db: database.db, clock, services: {} };

  await seedUnits(deps.db);
  const demo = options.demo ?? (!config.databaseUrl || process.env.HUILIU_DEMO === '1');
  if (demo && (await seedDemoUsers(deps.db, config.demoPassword))) {
    console.warn(`[huiliu] 已创建演示用户，密码为 "${config.demoPassword}"（HUILIU_DEMO_PASSWORD）。生产环境请勿使用。`);
    console.warn(`[huiliu] demo users created with password "${config.demoPassword}" (HUILIU_DEMO_PASSWORD): not for production.`);
  }

  const calendar = createLiveCalendar();
  await calendar.reload(deps.db);
  deps.services.calendar = calendar;
  // Problems archived before their working days were stored (migration 0010) get the figure once; afterwards the
  // partial index of unfilled rows is empty and this finds nothing at once.
  await problems.refreshProblemWorkdays(deps.db, calendar, { missingOnly: true });

  const engine = await composeEngine(deps, {
    startPollers: options.startPollers ?? true,
    demo: options.demoContent ?? (demo && !config.databaseUrl && !options.database),
  });
  const routes: RouteModule[] = [
    calendarRoutes,
    formRoutes,
    attachmentRoutes,
    deploymentRoutes,
    instanceRoutes,
    taskRoutes,
    catalogRoutes,
    supervisionRoutes,
    notificationRoutes,
  ];
  const stoppers: (() => Promise<void>)[] = [engine.stop, await startSessionUpkeep(deps)];
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
