/** @module /api/catalog: the resource catalog (published entries, county-wide) and each unit's information-system census. */
import { createRoute, z } from '@hono/zod-openapi';
import { addSystem, editSystem, getEntry, listEntriesPage, listSystems } from '../../workflows/catalog';
import { createRouter } from '../http/env';
import { ErrorSchema, PageQuery, pageOf } from './schemas';

const Fields = z.record(z.string(), z.unknown());
const EntrySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    status: z.enum(['active', 'retired']),
    currentVersion: z.number(),
    fields: Fields,
    versions: z.array(
      z.object({
        version: z.number(),
        publishedAt: z.string(),
        publishedBy: z.string().nullable(),
        fields: Fields,
      }),
    ),
    openChangeInstanceId: z.string().nullable().optional(),
  })
  .openapi('CatalogEntry');
const SystemSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('InformationSystem');
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const SystemBody = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).optional(),
});
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  403: json(ErrorSchema, 'forbidden'),
  404: json(ErrorSchema, 'not found'),
  409: json(ErrorSchema, 'conflict'),
};

const listEntriesRoute = createRoute({
  method: 'get',
  path: '/api/catalog/entries',
  tags: ['catalog'],
  summary: '资源目录 / catalog entries (published, county-wide)',
  request: {
    query: PageQuery.extend({
      unitId: z.string().max(40).optional(),
      q: z.string().max(50).optional(),
      status: z.enum(['active', 'retired']).optional(),
    }),
  },
  responses: { 200: json(pageOf(EntrySchema), 'entries') },
});
const getEntryRoute = createRoute({
  method: 'get',
  path: '/api/catalog/entries/{id}',
  tags: ['catalog'],
  summary: '目录条目及其版本 / one entry with its versions',
  request: { params: IdParam },
  responses: { 200: json(EntrySchema, 'entry'), 404: errors[404] },
});
const listSystemsRoute = createRoute({
  method: 'get',
  path: '/api/catalog/systems',
  tags: ['catalog'],
  summary: '信息系统普查 / information systems of a unit (or all)',
  request: { query: z.object({ unitId: z.string().max(40).optional() }) },
  responses: { 200: json(z.object({ items: z.array(SystemSchema) }), 'systems') },
});
const addSystemRoute = createRoute({
  method: 'post',
  path: '/api/catalog/systems',
  tags: ['catalog'],
  summary: '登记信息系统 / add a system to your unit (unit.cataloguer)',
  request: { body: { required: true, content: { 'application/json': { schema: SystemBody } } } },
  responses: { 201: json(SystemSchema, 'created'), 403: errors[403], 409: errors[409] },
});
const editSystemRoute = createRoute({
  method: 'put',
  path: '/api/catalog/systems/{id}',
  tags: ['catalog'],
  summary: '修改信息系统 / edit a system of your unit',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: SystemBody.partial() } } },
  },
  responses: { 200: json(SystemSchema, 'updated'), 403: errors[403], 404: errors[404], 409: errors[409] },
});

type SystemRow = Awaited<ReturnType<typeof listSystems>>[number];
const systemDto = (s: SystemRow) => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export function catalogRoutes() {
  const router = createRouter();
  router.openapi(listEntriesRoute, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query');
    return c.json(await listEntriesPage(c.var.deps.db, c.var.user, filter, page, pageSize), 200);
  });
  router.openapi(getEntryRoute, async (c) =>
    c.json(await getEntry(c.var.deps.db, c.var.user, c.req.valid('param').id), 200),
  );
  router.openapi(listSystemsRoute, async (c) => {
    const items = await listSystems(c.var.deps.db, c.req.valid('query').unitId);
    return c.json({ items: items.map(systemDto) }, 200);
  });
  router.openapi(addSystemRoute, async (c) =>
    c.json(systemDto(await addSystem(c.var.deps.db, c.var.user, c.req.valid('json'))), 201),
  );
  router.openapi(editSystemRoute, async (c) => {
    const updated = await editSystem(c.var.deps.db, c.var.user, c.req.valid('param').id, c.req.valid('json'));
    return c.json(systemDto(updated), 200);
  });
  return router;
}
