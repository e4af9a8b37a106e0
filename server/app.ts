/** @module Composes the HTTP app: middleware, the area routers, OpenAPI, the UI. No business logic here. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { bodyLimit } from './http/body-limit';
import { authenticate } from './auth/session';
import type { AppDeps } from './deps';
import { securityHeaders } from './http/csp';
import { docsPage } from './http/docs-page';
import { type App, createRouter } from './http/env';
import { errorResponse, onError } from './http/errors';
import { requestContext } from './http/request-context';
import { originCheck } from './http/origin-check';
import { mountUi } from './http/static-ui';
import { silentLogger } from './ops/logger';
import { mountMetrics } from './ops/metrics-route';
import { adminUnitRoutes } from './routes/admin-units';
import { IMPORT_BODY_LIMIT_BYTES, importRoutes } from './routes/imports';
import { adminUserRoutes } from './routes/admin-users';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { meRoutes } from './routes/me';
import { meAccountRoutes } from './routes/me-account';
import { roleRoutes } from './routes/roles';
import { testClockRoutes } from './routes/test-clock';

const here = path.dirname(fileURLToPath(import.meta.url));
export const UI_DIST = path.resolve(here, '../ui/dist');

/** A router factory per area; later areas (runtime, forms, workflows) append theirs through `extraRoutes`. */
export type RouteModule = () => App;

export function createApp(deps: AppDeps, extraRoutes: RouteModule[] = [], options: { uiDist?: string } = {}): App {
  const app = createRouter();
  app.onError(onError);
  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND', 'NOT_FOUND'));
  app.use('*', requestContext(deps.log ?? silentLogger(), deps.metrics));
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await deps.db.execute(sql`select 1 from drizzle.__drizzle_migrations limit 1`);
      return c.json({ status: 'ready', database: deps.database.kind });
    } catch {
      return c.json({ status: 'not ready' }, 503);
    }
  });

  if (deps.metrics) mountMetrics(app, deps.metrics, deps.config.metricsToken);

  const tooLarge = (c: Context) => errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE');
  const generalLimit = bodyLimit({ maxSize: deps.config.bodyLimitBytes, onError: tooLarge });
  // Workbook imports take up to 20 MB (docs/api.md), more than any JSON body needs.
  const importLimit = bodyLimit({ maxSize: IMPORT_BODY_LIMIT_BYTES, onError: tooLarge });
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/imports/') ? importLimit(c, next) : generalLimit(c, next)));
  app.use('/api/*', authenticate);
  app.use('/api/*', originCheck);
  const modules: RouteModule[] = [authRoutes, meRoutes, meAccountRoutes, roleRoutes, ...extraRoutes];
  modules.push(adminUserRoutes, adminUnitRoutes, importRoutes);
  modules.push(auditRoutes);
  if (deps.config.testClock) modules.push(testClockRoutes);
  for (const module of modules) app.route('/', module());

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: '汇流 huiliu API', version: '0.1.0', description: '低代码流程与表单引擎 / low-code workflow and form engine' },
  });
  app.get('/api/docs', docsPage);
  app.all('/api/*', (c) => errorResponse(c, 404, 'NOT_FOUND', 'NOT_FOUND'));
  mountUi(app, options.uiDist ?? UI_DIST);
  return app;
}
