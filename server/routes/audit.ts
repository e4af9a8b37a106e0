/**
 * @module /api/audit (安全审计): the audit log for `audit.admin` only (三员分立: the process and security
 * administrators cannot read or export what they did), newest first, and the same filters as a workbook.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../platform/errors';
import { auditWorkbook } from '../audit/audit-workbook';
import { type AuditFilter, listAudit, selectAuditForExport } from '../audit/list-audit';
import { requireRole } from '../auth/rbac';
import { auditAct } from '../http/audit-act';
import { type AppEnv, createRouter } from '../http/env';
import { ErrorSchema, PageQuery, pageOf } from './schemas';
import { json } from './openapi';

/** A workbook beyond this many rows is cut (and says so): narrow the filters to see the rest. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Checked in filterOf, where the error can name the field in words (the schema's own message would be 无效输入). */
const DAY_OR_TIME = z.string().max(40).optional();

const AuditQuery = z.object({
  from: DAY_OR_TIME.openapi({ description: '起（含）：YYYY-MM-DD 为北京时间当日 0 点，或 ISO 时间' }),
  to: DAY_OR_TIME.openapi({ description: '止（含）：YYYY-MM-DD 为北京时间当日结束，或 ISO 时间' }),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
});

const AuditItem = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    outcome: z.enum(['ok', 'denied', 'failed']),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditEntry');

const forbidden = { 403: json(ErrorSchema, 'only audit.admin') };

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: '安全审计日志 / the audit log, newest first (audit.admin)',
  request: { query: PageQuery.extend(AuditQuery.shape) },
  responses: { 200: json(pageOf(AuditItem), 'audit rows'), ...forbidden },
});

const exportXlsx = createRoute({
  method: 'get',
  path: '/api/audit/export.xlsx',
  tags: ['audit'],
  summary: '导出审计日志 / the audit log as a workbook, same filters (audit.admin)',
  request: { query: AuditQuery },
  responses: {
    200: {
      description: 'workbook',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
      },
    },
    ...forbidden,
  },
});

const FIELD_NAMES = { from: ['开始时间', 'from'], to: ['结束时间', 'to'] } as const;

/** `YYYY-MM-DD` is that China day (its start for `from`, its last millisecond for `to`); else an ISO time with offset. */
function instantOf(field: 'from' | 'to', value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const day = DAY.test(value);
  const ok = day || z.iso.datetime({ offset: true }).safeParse(value).success;
  const at = ok
    ? new Date(day ? `${value}T${field === 'from' ? '00:00:00' : '23:59:59.999'}+08:00` : value)
    : null;
  if (!at || Number.isNaN(at.getTime()) || (day && !isRealDay(value))) {
    const [zh, en] = FIELD_NAMES[field];
    throw new AppError('BAD_REQUEST', `${zh}格式不正确：应为日期 YYYY-MM-DD（北京时间）或带时区的 ISO 时间`, {
      messageEn: `${en} must be a date YYYY-MM-DD (China time) or an ISO date-time with offset`,
      details: [{ path: `/${field}`, message: `${zh}格式不正确`, messageEn: `${en} is malformed` }],
    });
  }
  return at;
}

/** 2030-02-30 would otherwise roll over into March. */
function isRealDay(value: string): boolean {
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

/** `to` before `from` is a mistake, said so. */
function filterOf(q: z.infer<typeof AuditQuery>): AuditFilter {
  const from = instantOf('from', q.from);
  const to = instantOf('to', q.to);
  if (from && to && to < from) {
    throw new AppError('BAD_REQUEST', '结束时间不能早于开始时间', {
      messageEn: 'The end is before the start',
    });
  }
  return { from, to, actor: q.actor?.trim() || undefined, action: q.action?.trim() || undefined };
}

const auditor = (c: Context<AppEnv>) => requireRole(c.get('user'), 'audit.admin');

export function auditRoutes() {
  const router = createRouter();
  router.openapi(list, async (c) => {
    auditor(c);
    const { page, pageSize, ...q } = c.req.valid('query');
    const { items, total } = await listAudit(c.get('deps').db, filterOf(q), page, pageSize);
    return c.json(
      {
        items: items.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null })),
        total,
        page,
        pageSize,
      },
      200,
    );
  });

  router.openapi(exportXlsx, async (c) => {
    auditor(c);
    const q = c.req.valid('query');
    const filter = filterOf(q);
    const { db } = c.get('deps');
    const rows = await selectAuditForExport(db, filter, AUDIT_EXPORT_MAX_ROWS + 1);
    const cut = rows.length > AUDIT_EXPORT_MAX_ROWS;
    const buf = await auditWorkbook(
      rows.slice(0, AUDIT_EXPORT_MAX_ROWS),
      cut ? `仅导出最新的 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小筛选范围导出其余记录` : undefined,
    );
    // Exporting the log is itself an act an auditor of the auditors wants to see.
    await auditAct(c, db, {
      action: 'export.audit',
      details: { ...q, rows: Math.min(rows.length, AUDIT_EXPORT_MAX_ROWS) },
    });
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent('安全审计日志.xlsx')}`,
    });
  });
  return router;
}
