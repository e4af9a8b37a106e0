/** @module /api/catalog: the resource catalog (published entries, county-wide) and each unit's information-system census. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  addSystem,
  editSystem,
  findSameItems,
  getEntry,
  listCollections,
  listEntriesPage,
  listSystems,
  listUncataloguedSystems,
  recordCollection,
  retireSystem,
} from '../../workflows/catalog';
import { AppError } from '../../platform/errors';
import { createRouter } from '../http/env';
import { ErrorSchema, PageQuery, pageOf } from './schemas';
import { body, json } from './openapi';

const Fields = z.record(z.string(), z.unknown());
const EntrySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    status: z.enum(['active', 'retired']),
    currentVersion: z.number(),
    systemId: z.string().nullable(),
    updateCycle: z.string().nullable().openapi({ description: '更新周期 (realtime, daily, …, irregular)' }),
    lastCollectedAt: z.string().nullable(),
    nextCollectionDue: z.string().nullable().openapi({ description: '下次归集截止 (null: 不定期)' }),
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
const BuildMode = z.enum(['self-built', 'co-built', 'deployed-from-above']).openapi({
  description: '建设方式：自建 / 共建 / 上级部署',
});
const SystemStatus = z
  .enum(['in-use', 'stopped', 'migrating'])
  .openapi({ description: '状态：在用 / 停用 / 迁移中' });
const Deployment = z
  .enum(['local-room', 'gov-cloud'])
  .openapi({ description: '部署位置：本地机房 / 政务云' });
const SystemSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    buildMode: BuildMode.nullable(),
    status: SystemStatus,
    maintainer: z.string().nullable(),
    launchDate: z.string().nullable(),
    deployment: Deployment.nullable(),
    onCountyPlatform: z.boolean(),
    retired: z.boolean(),
    retiredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('InformationSystem');
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const SystemBody = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).optional(),
  buildMode: BuildMode.nullable().optional(),
  status: SystemStatus.optional(),
  maintainer: z.string().trim().max(100).nullable().optional(),
  launchDate: z.string().nullable().optional().openapi({ description: '上线时间 YYYY-MM-DD' }),
  deployment: Deployment.nullable().optional(),
  onCountyPlatform: z.boolean().optional(),
});
const UncataloguedSchema = SystemSchema.extend({ unitName: z.string() }).openapi('UncataloguedSystem');
const CollectionBody = z.object({
  at: z.iso.datetime({ offset: true }).optional().openapi({ description: '归集时间 (默认当前)' }),
  records: z.number().int().min(0).max(1e12).optional(),
  note: z.string().max(500).optional(),
});
const CollectionSchema = z
  .object({
    id: z.number(),
    entryId: z.string(),
    unitId: z.string(),
    at: z.string(),
    records: z.number().nullable(),
    note: z.string().nullable(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('Collection');
const SameItemsSchema = z
  .object({
    items: z.array(
      z.object({
        name: z.string(),
        total: z.number(),
        entries: z.array(
          z.object({
            entryId: z.string(),
            code: z.string(),
            resourceName: z.string(),
            unitId: z.string(),
            unitName: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi('SameItems');
const errors = {
  400: json(ErrorSchema, 'bad request'),
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
      q: z.string().max(50).optional().openapi({ description: '代码、资源名称或数据项名称的子串' }),
      category: z.string().max(40).optional(),
      sharing: z
        .string()
        .max(40)
        .optional()
        .openapi({ description: '共享属性 (unconditional, conditional, none)' }),
      opening: z.string().max(40).optional().openapi({ description: '开放属性' }),
      systemId: z.uuid().optional(),
      status: z.enum(['active', 'retired']).optional(),
      stale: z.enum(['true', 'false']).optional().openapi({ description: 'true: 仅更新超期的条目' }),
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
  request: {
    query: z.object({
      unitId: z.string().max(40).optional(),
      includeRetired: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true: 也列出已退役的系统' }),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(SystemSchema) }), 'systems') },
});
const uncataloguedRoute = createRoute({
  method: 'get',
  path: '/api/catalog/systems/uncatalogued',
  tags: ['catalog'],
  summary: '未编目的信息系统 / systems in use that no active catalog entry names',
  request: { query: z.object({ unitId: z.string().max(40).optional() }) },
  responses: { 200: json(z.object({ items: z.array(UncataloguedSchema) }), 'systems without entries') },
});
const retireSystemRoute = createRoute({
  method: 'post',
  path: '/api/catalog/systems/{id}/retire',
  tags: ['catalog'],
  summary: '信息系统退役 / retire a system of your unit (no active entry may name it)',
  request: { params: IdParam },
  responses: { 200: json(SystemSchema, 'retired'), 403: errors[403], 404: errors[404], 409: errors[409] },
});
const addCollectionRoute = createRoute({
  method: 'post',
  path: '/api/catalog/entries/{id}/collections',
  tags: ['catalog'],
  summary: '登记归集 / record a collection into the county platform (unit cataloguer or platform.collector)',
  request: {
    params: IdParam,
    body: body(CollectionBody),
  },
  responses: {
    201: json(
      CollectionSchema.extend({ lastCollectedAt: z.string(), nextCollectionDue: z.string().nullable() }),
      'recorded',
    ),
    400: errors[400],
    403: errors[403],
    404: errors[404],
    409: errors[409],
  },
});
const listCollectionsRoute = createRoute({
  method: 'get',
  path: '/api/catalog/entries/{id}/collections',
  tags: ['catalog'],
  summary: "归集记录 / the entry's latest 50 collections, newest first",
  request: { params: IdParam },
  responses: { 200: json(z.object({ items: z.array(CollectionSchema) }), 'collections'), 404: errors[404] },
});
const sameItemsRoute = createRoute({
  method: 'get',
  path: '/api/catalog/same-items',
  tags: ['catalog'],
  summary: "同名数据项 (一数一源) / other units' active entries carrying data items of these names",
  request: {
    query: z.object({
      names: z.string().max(20_000).openapi({ description: '数据项名称，逗号分隔（至多 500 个）' }),
      excludeUnitId: z.string().max(40).optional(),
    }),
  },
  responses: { 200: json(SameItemsSchema, 'same-name items'), 400: errors[400] },
});
const addSystemRoute = createRoute({
  method: 'post',
  path: '/api/catalog/systems',
  tags: ['catalog'],
  summary: '登记信息系统 / add a system to your unit (unit.cataloguer)',
  request: { body: body(SystemBody) },
  responses: { 201: json(SystemSchema, 'created'), 403: errors[403], 409: errors[409] },
});
const editSystemRoute = createRoute({
  method: 'put',
  path: '/api/catalog/systems/{id}',
  tags: ['catalog'],
  summary: '修改信息系统 / edit a system of your unit',
  request: {
    params: IdParam,
    body: body(SystemBody.partial()),
  },
  responses: { 200: json(SystemSchema, 'updated'), 403: errors[403], 404: errors[404], 409: errors[409] },
});

type SystemRow = Awaited<ReturnType<typeof listSystems>>[number];
const systemDto = (s: SystemRow) => ({
  ...s,
  retired: s.retiredAt !== null,
  retiredAt: s.retiredAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
type CollectionRow = Awaited<ReturnType<typeof listCollections>>[number];
const collectionDto = (r: CollectionRow) => ({
  ...r,
  at: r.at.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

export function catalogRoutes() {
  const router = createRouter();
  router.openapi(listEntriesRoute, async (c) => {
    const { page, pageSize, stale, ...filter } = c.req.valid('query');
    const f = { ...filter, stale: stale === 'true', now: c.get('deps').clock.now() };
    return c.json(await listEntriesPage(c.get('deps').db, c.get('user'), f, page, pageSize), 200);
  });
  router.openapi(getEntryRoute, async (c) =>
    c.json(await getEntry(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  );
  router.openapi(listSystemsRoute, async (c) => {
    const { unitId, includeRetired } = c.req.valid('query');
    const items = await listSystems(c.get('deps').db, unitId, { includeRetired: includeRetired === 'true' });
    return c.json({ items: items.map(systemDto) }, 200);
  });
  router.openapi(uncataloguedRoute, async (c) => {
    const rows = await listUncataloguedSystems(c.get('deps').db, c.req.valid('query').unitId);
    return c.json({ items: rows.map((r) => ({ ...systemDto(r.system), unitName: r.unitName })) }, 200);
  });
  router.openapi(retireSystemRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(systemDto(await retireSystem(db, c.get('user'), c.req.valid('param').id, clock.now())), 200);
  });
  router.openapi(addCollectionRoute, async (c) => {
    const { at, ...body } = c.req.valid('json');
    const { db, clock } = c.get('deps');
    const input = { ...body, at: at ? new Date(at) : undefined };
    const row = await recordCollection(db, c.get('user'), c.req.valid('param').id, input, clock.now());
    return c.json(
      {
        ...collectionDto(row),
        lastCollectedAt: row.lastCollectedAt.toISOString(),
        nextCollectionDue: row.nextCollectionDue?.toISOString() ?? null,
      },
      201,
    );
  });
  router.openapi(listCollectionsRoute, async (c) => {
    const { db } = c.get('deps');
    const entry = await getEntry(db, c.get('user'), c.req.valid('param').id);
    return c.json({ items: (await listCollections(db, entry.id)).map(collectionDto) }, 200);
  });
  router.openapi(sameItemsRoute, async (c) => {
    const { names, excludeUnitId } = c.req.valid('query');
    const list = names.split(/[,，]/);
    if (list.length > 500)
      throw new AppError('BAD_REQUEST', '一次至多查询 500 个数据项名称', {
        messageEn: 'At most 500 names at once',
      });
    return c.json({ items: await findSameItems(c.get('deps').db, list, excludeUnitId) }, 200);
  });
  router.openapi(addSystemRoute, async (c) =>
    c.json(systemDto(await addSystem(c.get('deps').db, c.get('user'), c.req.valid('json'))), 201),
  );
  router.openapi(editSystemRoute, async (c) => {
    const updated = await editSystem(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(systemDto(updated), 200);
  });
  return router;
}
