/** @module /api/admin/units: units are data (docs/api.md "Units"); role `security.admin`. The rules live in identity/units. */
import { createRoute, z } from '@hono/zod-openapi';
import { createUnit, UNIT_KINDS, updateUnit, type UnitRow } from '../../identity/units';
import { requireRole } from '../auth/rbac';
import { createRouter } from '../http/env';
import { auditActorOf } from './audit-actor';
import { ErrorSchema } from './schemas';
import { body, json } from './openapi';

export const UnitSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(UNIT_KINDS as [UnitRow['kind'], ...UnitRow['kind'][]]),
    active: z.boolean(),
    /** Seeded with the demo data (示例单位), not the county's own. */
    example: z.boolean(),
  })
  .openapi('Unit');

const Kind = z.enum(UNIT_KINDS as [UnitRow['kind'], ...UnitRow['kind'][]]);
const CreateUnitBody = z
  .object({ code: z.string().max(100), name: z.string().max(200), kind: Kind })
  .openapi('CreateUnitBody');
const UpdateUnitBody = z
  .object({ name: z.string().max(200).optional(), kind: Kind.optional(), active: z.boolean().optional() })
  .openapi('UpdateUnitBody');

const errors = {
  400: json(ErrorSchema, 'bad code, name or kind'),
  403: json(ErrorSchema, 'not security.admin'),
  404: json(ErrorSchema, 'no such unit'),
  409: json(ErrorSchema, 'code or name taken; the authority cannot be deactivated'),
};

const createUnitRoute = createRoute({
  tags: ['units'],
  method: 'post',
  path: '/api/admin/units',
  summary: '新增单位 / add a unit (security.admin)',
  request: { body: body(CreateUnitBody) },
  responses: { 201: json(UnitSchema, 'created'), 400: errors[400], 403: errors[403], 409: errors[409] },
});
const updateUnitRoute = createRoute({
  tags: ['units'],
  method: 'patch',
  path: '/api/admin/units/{id}',
  summary: '修改单位 / rename, set kind, deactivate or activate (security.admin)',
  request: { params: z.object({ id: z.string().max(100) }), body: body(UpdateUnitBody) },
  responses: { 200: json(UnitSchema, 'updated'), ...errors },
});

export function adminUnitRoutes() {
  const router = createRouter();
  router.openapi(createUnitRoute, async (c) => {
    requireRole(c.get('user'), 'security.admin');
    return c.json(await createUnit(c.get('deps').db, c.req.valid('json'), auditActorOf(c)), 201);
  });
  router.openapi(updateUnitRoute, async (c) => {
    requireRole(c.get('user'), 'security.admin');
    const unit = await updateUnit(
      c.get('deps').db,
      c.req.valid('param').id,
      c.req.valid('json'),
      auditActorOf(c),
    );
    return c.json(unit, 200);
  });
  return router;
}
