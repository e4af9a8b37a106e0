/**
 * @module GET /api/roles: the role catalog (identity/roles.ts, identity/role-fit.ts) for any signed-in user, so the
 * UI names roles and knows which are county-wide without a list of its own. `/api/admin/roles` stays as it is.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { roleCatalog } from '../../identity/role-fit';
import { createRouter } from '../http/env';
import { json } from './openapi';

const RoleInfoSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    /** Sees every unit's work (tasks, instances) rather than its own unit's. */
    countyWide: z.boolean(),
    /** The unit kinds whose staff may hold the role. */
    unitKinds: z.array(z.enum(['authority', 'department', 'town', 'public-service'])),
  })
  .openapi('RoleInfo');

const list = createRoute({
  method: 'get',
  path: '/api/roles',
  tags: ['auth'],
  summary: '角色目录 / the role catalog: names, county-wide or not, which unit kinds may hold each',
  responses: {
    200: json(z.object({ items: z.array(RoleInfoSchema) }), 'roles'),
  },
});

export function roleRoutes() {
  const router = createRouter();
  router.openapi(list, (c) => c.json({ items: roleCatalog() }, 200));
  return router;
}
