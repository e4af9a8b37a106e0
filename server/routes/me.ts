/**
 * @module GET /api/me and GET /api/units: the example of a route module. Each area exports a function
 * returning a router; server/app.ts mounts it. Schemas live beside the route; handlers stay thin.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/env';
import { listUnitRows } from '../../identity/units';
import { UnitSchema } from './admin-units';
import { UserSchema } from './schemas';
import { json } from './openapi';

const me = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['auth'],
  summary: '当前用户 / the logged-in user',
  responses: { 200: json(UserSchema, 'user') },
});

const units = createRoute({
  method: 'get',
  path: '/api/units',
  tags: ['units'],
  summary: '单位列表 / the county units, inactive ones included (`active: false`)',
  request: { query: z.object({ q: z.string().max(50).optional() }) },
  responses: { 200: json(z.object({ items: z.array(UnitSchema) }), 'units') },
});

export function meRoutes() {
  const router = createRouter();
  router.openapi(me, (c) => c.json(c.get('user'), 200));
  router.openapi(units, async (c) => {
    const { q } = c.req.valid('query');
    return c.json({ items: await listUnitRows(c.get('deps').db, q) }, 200);
  });
  return router;
}
