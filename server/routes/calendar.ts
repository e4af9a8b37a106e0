/** @module GET/PUT /api/calendar/{year}: the official working-day schedule; loading a year recomputes provisional deadlines. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { validateYearSchedule } from '../../engine/calendar';
import { AppError } from '../../platform/errors';
import { requireRole } from '../auth/rbac';
import type { LiveCalendar } from '../calendar/live-calendar';
import { listProvisionalDeadlines } from '../calendar/list-provisional-deadlines';
import { recomputeProvisionalDeadlines } from '../calendar/recompute-deadlines';
import { auditAct } from '../http/audit-act';
import { type AppEnv, createRouter } from '../http/env';
import { problems } from '../../workflows';
import { ErrorSchema } from './schemas';
import { body, json } from './openapi';

const YearParam = z.object({ year: z.coerce.number().int().min(1949).max(2200).openapi({ param: { name: 'year', in: 'path' } }) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const CalendarYear = z
  .object({ year: z.number(), source: z.enum(['package', 'admin', 'none']), holidays: z.array(z.string()), makeupWorkdays: z.array(z.string()) })
  .openapi('CalendarYear');

const getYear = createRoute({
  method: 'get',
  path: '/api/calendar/{year}',
  tags: ['calendar'],
  summary: '工作日历 / the working-day schedule of a year',
  request: { params: YearParam },
  responses: { 200: json(CalendarYear, 'schedule') },
});

const putYear = createRoute({
  method: 'put',
  path: '/api/calendar/{year}',
  tags: ['calendar'],
  summary: '载入年度放假安排 / load a year (authority.admin); recomputes provisional deadlines',
  request: {
    params: YearParam,
    body: body(z.object({ holidays: z.array(isoDate).max(60), makeupWorkdays: z.array(isoDate).max(20) })),
  },
  responses: {
    200: json(CalendarYear.extend({ recomputed: z.number() }), 'schedule'),
    400: json(ErrorSchema, 'invalid schedule'),
  },
});

const ProvisionalDeadline = z
  .object({
    taskId: z.string(),
    taskName: z.string(),
    processInstanceId: z.string(),
    processKey: z.string(),
    processName: z.string().nullable(),
    businessKey: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    createdAt: z.string(),
    dueAt: z.string(),
    missingYears: z.array(z.number()),
  })
  .openapi('ProvisionalDeadline');

const listProvisional = createRoute({
  method: 'get',
  path: '/api/calendar/provisional',
  tags: ['calendar'],
  summary: '暂定期限 / open tasks whose deadline is provisional until a year is loaded (authority.admin)',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }) },
  responses: {
    200: json(z.object({ items: z.array(ProvisionalDeadline), total: z.number(), missingYears: z.array(z.number()) }), 'the earliest provisional deadlines first; `missingYears` over all of them'),
    403: json(ErrorSchema, 'not authority.admin'),
  },
});

export function calendarRoutes() {
  const router = createRouter();
  const calendarOf = (c: Context<AppEnv>) => c.get('deps').services.calendar as LiveCalendar;

  // Before /{year}: that route would answer "provisional" with a 400 for a non-numeric year.
  router.openapi(listProvisional, async (c) => {
    requireRole(c.get('user'), 'authority.admin');
    const { items, total, missingYears } = await listProvisionalDeadlines(c.get('deps').db, calendarOf(c), c.req.valid('query').limit);
    const dto = items.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), dueAt: t.dueAt.toISOString() }));
    return c.json({ items: dto, total, missingYears }, 200);
  });

  router.openapi(getYear, (c) => {
    const { year } = c.req.valid('param');
    const s = calendarOf(c).scheduleOf(year);
    return c.json(s ? { ...s, year } : { year, source: 'none' as const, holidays: [], makeupWorkdays: [] }, 200);
  });

  router.openapi(putYear, async (c) => {
    const user = requireRole(c.get('user'), 'authority.admin');
    const { year } = c.req.valid('param');
    const body = c.req.valid('json');
    const schedule = { year, holidays: [...new Set(body.holidays)].sort(), makeupWorkdays: [...new Set(body.makeupWorkdays)].sort() };
    const issues = validateYearSchedule(schedule);
    if (issues.length) {
      throw new AppError('BAD_REQUEST', `放假安排有误：${issues.map((i) => i.message).join('；')}`, {
        messageEn: `Invalid schedule: ${issues.map((i) => i.messageEn).join('; ')}`,
        details: issues.map((i) => ({ path: i.date ?? '/year', message: i.message, messageEn: i.messageEn })),
      });
    }
    const calendar = calendarOf(c);
    const before = calendar.snapshot();
    const { db } = c.get('deps');
    try {
      await db.transaction(async (tx) => {
        await calendar.load(tx, schedule, user.username);
        await auditAct(c, tx, {
          action: 'calendar.load',
          target: String(year),
          details: { holidays: schedule.holidays.length, makeupWorkdays: schedule.makeupWorkdays.length },
        });
      });
    } catch (err) {
      // The in-memory calendar already took the year; put back what the database kept.
      await calendar.reload(db);
      throw err;
    }
    const recomputed = await recomputeProvisionalDeadlines(db, before, calendar.snapshot());
    // The problems projection copies the rectify deadline for statistics; bring it along.
    await problems.syncProblemDeadlines(db);
    return c.json({ ...schedule, source: 'admin' as const, recomputed }, 200);
  });
  return router;
}
