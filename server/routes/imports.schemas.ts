/** @module zod schemas of /api/imports (OpenAPI components): the import report and the query. */
import { z } from '@hono/zod-openapi';
import { IMPORT_KINDS, type ImportKind } from '../../workflows/imports';

export const KindParam = z.object({
  kind: z
    .enum(IMPORT_KINDS as [ImportKind, ...ImportKind[]])
    .openapi({
      param: { name: 'kind', in: 'path' },
      description: 'units 单位, users 用户, catalog 目录, systems 信息系统普查',
    }),
});

export const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .openapi({ description: 'true（默认）：只检查不写入；false：无错误时写入' }),
});

export const ImportIssueSchema = z
  .object({
    sheet: z.string(),
    row: z.number().openapi({ description: 'Excel 显示的行号（第 1 行为列名；0 表示整个文件或工作表）' }),
    column: z.string().openapi({ description: '列名（中文）' }),
    message: z.string(),
  })
  .openapi('ImportIssue');

export const ImportReportSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS as [ImportKind, ...ImportKind[]]),
    dryRun: z.boolean(),
    rows: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    errors: z.array(ImportIssueSchema),
    oneTimePasswords: z
      .array(z.object({ username: z.string(), oneTimePassword: z.string() }))
      .optional()
      .openapi({ description: '仅用户导入提交后：新账号的一次性密码，只显示这一次' }),
  })
  .openapi('ImportReport');

export const ImportInvalidSchema = z
  .object({
    error: z.object({ code: z.literal('IMPORT_INVALID'), message: z.string(), details: ImportReportSchema }),
  })
  .openapi('ImportInvalid');

export const ExportQuery = z.object({
  unitId: z.string().max(40).optional(),
  q: z.string().max(50).optional(),
  category: z.string().max(40).optional(),
  sharing: z.string().max(40).optional(),
  opening: z.string().max(40).optional(),
  systemId: z.uuid().optional(),
  status: z.enum(['active', 'retired']).optional(),
  stale: z.enum(['true', 'false']).optional(),
});
