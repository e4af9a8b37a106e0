/** @module /api/supervision: overdue work, per-unit statistics and the bulletin workbook, for supervisors and the authority. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { WorkdayCalendar } from '../../engine/calendar';
import {
  bulletinWorkbookById,
  bulletinWorkbookForPeriod,
  computeStats,
  computeTrend,
  countOpenProblems,
  getBulletin,
  listOverdue,
  readableBulletins,
} from '../../workflows/supervision';
import { listStaleEntries, staleScope } from '../../workflows/catalog';
import { requireRole } from '../auth/rbac';
import { auditAct } from '../http/audit-act';
import { type AppEnv, createRouter } from '../http/env';
import { ErrorSchema, PageQuery } from './schemas';
import { json } from './openapi';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const PeriodQuery = z.object({ from: isoDate, to: isoDate });
const forbidden = { 403: json(ErrorSchema, 'only supervisor and authority.* roles') };

const OverdueSchema = z
  .object({
    task: z.object({
      id: z.string(),
      name: z.string(),
      elementId: z.string(),
      processInstanceId: z.string(),
      processKey: z.string(),
      businessKey: z.string().nullable(),
      assignee: z.string().nullable(),
      candidateGroups: z.array(z.string()),
      createdAt: z.string(),
      dueAt: z.string(),
    }),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    dueAt: z.string(),
    dueProvisional: z.boolean(),
    overdueWorkdays: z.number(),
  })
  .openapi('OverdueItem');
const StatsSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    problemsReceived: z.number(),
    problemsRectified: z.number(),
    rectifiedOnTime: z.number(),
    overdueNow: z.number(),
    avgWorkdaysToFix: z.number().nullable(),
    reworkRounds: z.number(),
    entriesRegistered: z.number(),
    entriesChanged: z.number(),
    entriesReturned: z.number(),
    entriesStale: z.number().openapi({ description: '超过更新周期未归集的目录条目 (now)' }),
  })
  .openapi('UnitStats');
const StaleSchema = z
  .object({
    entryId: z.string(),
    code: z.string(),
    name: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    updateCycle: z.string().nullable(),
    lastCollectedAt: z.string().nullable(),
    dueAt: z.string(),
  })
  .openapi('StaleEntry');
const BulletinSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.string(),
  publishedAt: z.string().nullable(),
});
const BulletinSchema = BulletinSummarySchema.extend({
  summary: z.string().nullable().openapi({ description: '审核人发布时的通报摘要' }),
  createdAt: z.string(),
  stats: z.array(StatsSchema),
  overdue: z.array(OverdueSchema),
  stale: z.object({ total: z.number(), items: z.array(StaleSchema) }),
}).openapi('Bulletin');
const xlsx = {
  description: 'Excel workbook',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.string().openapi({ format: 'binary' }),
    },
  },
};

const overdueRoute = createRoute({
  method: 'get',
  path: '/api/supervision/overdue',
  tags: ['supervision'],
  summary: '逾期事项 / open tasks past due, with overdue working days',
  request: { query: z.object({ unitId: z.string().max(40).optional() }) },
  responses: { 200: json(z.object({ items: z.array(OverdueSchema) }), 'overdue'), ...forbidden },
});
const statsRoute = createRoute({
  method: 'get',
  path: '/api/supervision/stats',
  tags: ['supervision'],
  summary: '各单位统计 / per-unit statistics of a period',
  request: { query: PeriodQuery },
  responses: { 200: json(z.object({ items: z.array(StatsSchema) }), 'stats'), ...forbidden },
});
const trendRoute = createRoute({
  method: 'get',
  path: '/api/supervision/trend',
  tags: ['supervision'],
  summary:
    '周趋势 / problems received, rectified and rectified late per China week (Monday start), period ≤ 2 years',
  request: { query: PeriodQuery },
  responses: {
    200: json(
      z.object({
        weeks: z.array(
          z
            .object({
              weekStart: z.string(),
              received: z.number(),
              rectified: z.number(),
              rectifiedLate: z.number(),
            })
            .openapi('TrendWeek'),
        ),
        /** Problems open now (received, neither archived nor dismissed), for the KPI row. */
        openProblems: z.number(),
      }),
      'weekly trend',
    ),
    400: json(ErrorSchema, 'malformed period, or longer than two years'),
    ...forbidden,
  },
});
const bulletinRoute = createRoute({
  method: 'get',
  path: '/api/supervision/bulletin.xlsx',
  tags: ['supervision'],
  summary: '通报 Excel / the bulletin of a period as a workbook',
  request: { query: PeriodQuery },
  responses: { 200: xlsx, ...forbidden },
});
const bulletinsRoute = createRoute({
  method: 'get',
  path: '/api/supervision/bulletins',
  tags: ['supervision'],
  summary: '已生成的通报 / bulletins prepared by the monthly process (unit leaders: published ones)',
  responses: {
    200: json(z.object({ items: z.array(BulletinSummarySchema) }), 'bulletins'),
    ...forbidden,
  },
});
const bulletinGetRoute = createRoute({
  method: 'get',
  path: '/api/supervision/bulletins/{id}',
  tags: ['supervision'],
  summary: '通报 / one bulletin with its frozen figures and summary (unit leaders: published ones)',
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(BulletinSchema, 'bulletin'), 404: json(ErrorSchema, 'not found'), ...forbidden },
});
const staleRoute = createRoute({
  method: 'get',
  path: '/api/supervision/stale-entries',
  tags: ['supervision'],
  summary:
    '更新超期目录 / active entries past their collection deadline, most overdue first (unit leader and cataloguer: own unit)',
  request: { query: PageQuery.extend({ unitId: z.string().max(40).optional() }) },
  responses: {
    200: json(
      z.object({ items: z.array(StaleSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
      'stale entries',
    ),
    ...forbidden,
  },
});
const bulletinFileRoute = createRoute({
  method: 'get',
  path: '/api/supervision/bulletins/{id}/xlsx',
  tags: ['supervision'],
  summary: '通报 Excel (冻结数据) / a prepared bulletin as a workbook',
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: xlsx, 404: json(ErrorSchema, 'not found'), ...forbidden },
});

const calendarOf = (c: Context<AppEnv>) => c.get('deps').services.calendar as WorkdayCalendar;
const supervise = (c: Context<AppEnv>) => requireRole(c.get('user'), 'supervisor', 'authority.*');

function workbook(c: Context<AppEnv>, buf: Buffer, name: string) {
  return c.body(new Uint8Array(buf), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="bulletin.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

export function supervisionRoutes() {
  const router = createRouter();
  router.openapi(overdueRoute, async (c) => {
    supervise(c);
    const items = await listOverdue(c.get('deps').db, calendarOf(c), c.get('deps').clock.now(), {
      unitId: c.req.valid('query').unitId,
    });
    return c.json({ items }, 200);
  });
  router.openapi(statsRoute, async (c) => {
    supervise(c);
    return c.json(
      {
        items: await computeStats(c.get('deps').db, calendarOf(c), c.req.valid('query'), c.get('deps').clock.now()),
      },
      200,
    );
  });
  router.openapi(trendRoute, async (c) => {
    supervise(c);
    const [weeks, openProblems] = await Promise.all([
      computeTrend(c.get('deps').db, c.req.valid('query')),
      countOpenProblems(c.get('deps').db),
    ]);
    return c.json({ weeks, openProblems }, 200);
  });
  router.openapi(bulletinRoute, async (c) => {
    supervise(c);
    const period = c.req.valid('query');
    const buf = await bulletinWorkbookForPeriod(c.get('deps').db, calendarOf(c), period, c.get('deps').clock.now());
    await auditAct(c, c.get('deps').db, { action: 'export.bulletin', target: `${period.from}..${period.to}` });
    return workbook(c, buf, `公共数据工作通报_${period.from}_${period.to}.xlsx`);
  });
  router.openapi(staleRoute, async (c) => {
    const { page, pageSize, unitId } = c.req.valid('query');
    const scope = staleScope(c.get('user'), unitId);
    const { items, total } = await listStaleEntries(c.get('deps').db, c.get('deps').clock.now(), {
      unitId: scope,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return c.json({ items, total, page, pageSize }, 200);
  });
  router.openapi(bulletinGetRoute, async (c) =>
    c.json(await getBulletin(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  );
  router.openapi(bulletinsRoute, async (c) => {
    const rows = await readableBulletins(c.get('deps').db, c.get('user'));
    return c.json(
      { items: rows.map((r) => ({ ...r, publishedAt: r.publishedAt?.toISOString() ?? null })) },
      200,
    );
  });
  router.openapi(bulletinFileRoute, async (c) => {
    const { id } = c.req.valid('param');
    await getBulletin(c.get('deps').db, c.get('user'), id); // who may read it (a unit leader: published ones), else 403/404
    const buf = await bulletinWorkbookById(c.get('deps').db, id);
    if (!buf) return c.json({ error: { code: 'NOT_FOUND', message: '通报不存在' } }, 404);
    await auditAct(c, c.get('deps').db, { action: 'export.bulletin', target: id });
    return workbook(c, buf, `公共数据工作通报_${id.slice(0, 8)}.xlsx`);
  });
  return router;
}
