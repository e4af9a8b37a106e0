/**
 * @module /api/imports (templates, dry run, commit) and GET /api/catalog/export.xlsx: Excel in and out (docs/api.md
 * "Import and export"). Thin: the rules, roles and the transaction live in workflows/imports.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../platform/errors';
import {
  assertMayImport,
  buildTemplate,
  exportCatalog,
  type ImportKind,
  type ImportReport,
  runImport,
} from '../../workflows/imports';
import { type AppEnv, createRouter } from '../http/env';
import { langOf } from '../http/i18n';
import { auditActorOf } from './audit-actor';
import {
  ExportQuery,
  ImportInvalidSchema,
  ImportQuery,
  ImportReportSchema,
  KindParam,
} from './imports.schemas';
import { ErrorSchema } from './schemas';
import { json } from './openapi';

/** docs/api.md: a workbook of at most 20 MB (server/app.ts gives /api/imports this body limit instead of the general one). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const IMPORT_BODY_LIMIT_BYTES = MAX_IMPORT_BYTES + 64 * 1024; // the multipart envelope around the file

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KIND_NAMES: Record<ImportKind, string> = {
  units: '单位',
  users: '用户',
  catalog: '资源目录',
  systems: '信息系统普查',
};

const xlsx = (description: string) => ({
  description,
  content: { [XLSX]: { schema: { type: 'string' as const, format: 'binary' } } },
});

const templateRoute = createRoute({
  tags: ['imports'],
  method: 'get',
  path: '/api/imports/{kind}/template.xlsx',
  summary: '导入模板 / the empty workbook with Chinese headers and a 说明 sheet',
  request: { params: KindParam },
  responses: { 200: xlsx('template'), 403: json(ErrorSchema, 'may not import this kind') },
});
const importRoute = createRoute({
  tags: ['imports'],
  method: 'post',
  path: '/api/imports/{kind}',
  summary: '导入（multipart 字段 file，.xlsx ≤ 20 MB）/ dry run or commit a workbook, all or nothing',
  request: { params: KindParam, query: ImportQuery },
  responses: {
    200: json(ImportReportSchema, 'the report (a dry run may list errors)'),
    400: json(ErrorSchema, 'no file field'),
    403: json(
      ErrorSchema,
      'units/users: security.admin; catalog/systems: authority.admin or unit.cataloguer',
    ),
    413: json(ErrorSchema, 'larger than 20 MB'),
    422: json(ImportInvalidSchema, 'a commit with errors: nothing written, the report in details'),
  },
});
const exportRoute = createRoute({
  tags: ['catalog'],
  method: 'get',
  path: '/api/catalog/export.xlsx',
  summary: '导出资源目录 / the catalog (list filters) in the import layout: 目录 + 数据项',
  request: { query: ExportQuery },
  responses: { 200: xlsx('catalog workbook') },
});

/** `attachment; filename*=` with the Chinese name (RFC 5987) and an ASCII fallback. */
function download(c: Context<AppEnv>, body: Buffer, name: string, ascii: string) {
  c.header('content-type', XLSX);
  c.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  return c.body(new Uint8Array(body), 200);
}

const noFile = () =>
  new AppError('BAD_REQUEST', '请以 multipart/form-data 上传 Excel 文件（字段 file）', {
    messageEn: 'Upload the workbook as multipart/form-data (field "file")',
  });

/** Issues carry both languages; the answer has the reader's. */
function localise(report: ImportReport, lang: string) {
  return {
    ...report,
    errors: report.errors.map(({ messageEn, ...i }) => (lang === 'en' ? { ...i, message: messageEn } : i)),
  };
}

export function importRoutes() {
  const router = createRouter();
  router.openapi(templateRoute, async (c) => {
    const { kind } = c.req.valid('param');
    assertMayImport(c.get('user'), kind);
    return download(
      c,
      await buildTemplate(c.get('deps').db, kind),
      `${KIND_NAMES[kind]}导入模板.xlsx`,
      `${kind}-template.xlsx`,
    ) as never;
  });
  router.openapi(importRoute, async (c) => {
    const { kind } = c.req.valid('param');
    const dryRun = c.req.valid('query').dryRun !== 'false';
    assertMayImport(c.get('user'), kind);
    const body = await c.req.parseBody().catch(() => {
      throw noFile();
    });
    const file = body.file;
    if (!(file instanceof File)) throw noFile();
    if (file.size > MAX_IMPORT_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', `文件 ${file.name} 超过 20 MB 的上限`, {
        messageEn: `The file ${file.name} exceeds the 20 MB limit`,
      });
    const { ip } = auditActorOf(c);
    const report = localise(
      await runImport(c.get('deps').db, kind, new Uint8Array(await file.arrayBuffer()), {
        actor: { ...c.get('user'), ip },
        dryRun,
        now: c.get('deps').clock.now(),
      }),
      langOf(c),
    );
    if (!dryRun && report.errors.length) {
      const n = report.errors.length;
      throw new AppError('IMPORT_INVALID', `导入未执行：文件中有 ${n} 处错误，未写入任何数据`, {
        messageEn: `Nothing imported: the file has ${n} errors`,
        details: report,
      });
    }
    return c.json(report, 200);
  });
  router.openapi(exportRoute, async (c) => {
    const { stale, ...filter } = c.req.valid('query');
    const now = c.get('deps').clock.now();
    const { ip } = auditActorOf(c);
    const body = await exportCatalog(
      c.get('deps').db,
      { ...filter, stale: stale === 'true', now },
      { ...c.get('user'), ip },
      now,
    );
    return download(c, body, '资源目录.xlsx', 'catalog.xlsx') as never;
  });
  return router;
}
