/**
 * @module Test app for the catalog, supervision and notification routes: the real app composition, login and auth,
 * responses checked against their schemas (../testing/response-check.ts).
 */
import { createOfficialCalendar } from '../../engine/calendar';
import { createTestClock } from '../../platform/clock';
import { createApp } from '../app';
import { type AppDeps, loadConfig } from '../deps';
import { openTestDatabase, type TestDbKind } from '../../platform/db/testing';
import { checkResponses } from '../testing/response-check';
import { seedDemoUsers, seedUnits } from '../../identity/seed';
import { catalogRoutes } from './catalog';
import { notificationRoutes } from './notifications';
import { supervisionRoutes } from './supervision';

export async function openWorkflowRoutesApp(kind: TestDbKind, now: string) {
  const database = await openTestDatabase(kind);
  await seedUnits(database.db);
  await seedDemoUsers(database.db, 'huiliu-demo');
  const clock = createTestClock(new Date(now));
  const deps: AppDeps = {
    config: { ...loadConfig({}), demoPassword: 'huiliu-demo' },
    database,
    db: database.db,
    clock,
    services: { calendar: createOfficialCalendar() },
  };
  const app = createApp(deps, [catalogRoutes, supervisionRoutes, notificationRoutes], {
    uiDist: '/nonexistent',
  });
  // Every JSON answer must match its route's response schema, as with the full test server.
  checkResponses(app);
  const tokens = new Map<string, string>();
  async function request(path: string, init: RequestInit & { as: string; json?: unknown }) {
    let token = tokens.get(init.as);
    if (!token) {
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: init.as, password: 'huiliu-demo' }),
      });
      token = ((await res.json()) as { token: string }).token;
      tokens.set(init.as, token);
    }
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    return app.request(path, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  }
  return { database, db: database.db, clock, request, close: () => database.close() };
}
