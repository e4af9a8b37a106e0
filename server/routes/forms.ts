/**
 * @module /api/forms: the form registry over HTTP (docs/api.md "Forms"). Anyone logged in reads forms (tasks render
 * them); only `authority.admin` saves versions or asks for a definition check. Mount `formRoutes` in compose.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors';
import { checkFormDefinition, getForm, listForms, listFormVersions, saveForm } from '../../forms';
import { requireRole } from '../auth/rbac';
import { auditAct } from '../http/audit-act';
import { createRouter } from '../http/env';
import { ErrorSchema } from './schemas';
import { body, json } from './openapi';

const KeyParam = z.object({
  key: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'key', in: 'path' } }),
});
const Summary = z.object({ key: z.string(), version: z.number(), title: z.string() }).openapi('FormSummary');
const Form = z
  .object({
    key: z.string(),
    version: z.number(),
    title: z.string(),
    schema: z.record(z.string(), z.unknown()),
    uiSchema: z.record(z.string(), z.unknown()),
  })
  .openapi('Form');
const Definition = z
  .object({
    key: z.string(),
    title: z.string(),
    schema: z.record(z.string(), z.unknown()),
    uiSchema: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('FormDefinition');
const Issue = z.object({ path: z.string(), message: z.string(), messageEn: z.string() });

const list = createRoute({
  method: 'get',
  path: '/api/forms',
  tags: ['forms'],
  summary: '表单列表（各表单最新版本） / the latest version of every form',
  responses: { 200: json(z.array(Summary), 'forms') },
});
const getOne = createRoute({
  method: 'get',
  path: '/api/forms/{key}',
  tags: ['forms'],
  summary: '表单定义（默认最新版本） / a form, the latest version unless ?version= is given',
  request: { params: KeyParam, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
  responses: { 200: json(Form, 'form'), 404: json(ErrorSchema, 'no such form or version') },
});
const versions = createRoute({
  method: 'get',
  path: '/api/forms/{key}/versions',
  tags: ['forms'],
  summary: '表单的所有版本 / every version of a form, oldest first',
  request: { params: KeyParam },
  responses: {
    200: json(
      z.array(
        z.object({
          version: z.number(),
          title: z.string(),
          createdBy: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
      'versions',
    ),
    404: json(ErrorSchema, 'no such form'),
  },
});
const save = createRoute({
  method: 'post',
  path: '/api/forms',
  tags: ['forms'],
  summary:
    '保存表单新版本（authority.admin） / save the next version; identical content answers 200 with the latest',
  request: { body: body(Definition) },
  responses: {
    200: json(Form, 'unchanged: the latest version'),
    201: json(Form, 'the new version'),
    400: json(ErrorSchema, 'FORM_INVALID, details: [{path, message}]'),
    403: json(ErrorSchema, 'not an administrator'),
  },
});
const check = createRoute({
  method: 'post',
  path: '/api/forms/check',
  tags: ['forms'],
  summary: '检查表单定义而不保存（设计器用） / check a definition without saving (for the designer)',
  request: {
    body: body(z.record(z.string(), z.unknown())),
  },
  responses: {
    200: json(z.object({ ok: z.boolean(), issues: z.array(Issue) }), 'the issues, empty when ok'),
  },
});

const formNotFound = (key: string, version?: number) =>
  new AppError('NOT_FOUND', `表单 ${key}${version ? ` 第 ${version} 版` : ''} 不存在`, {
    messageEn: `Form ${key}${version ? ` version ${version}` : ''} does not exist`,
  });
const publicForm = (f: {
  key: string;
  version: number;
  title: string;
  schema: object;
  uiSchema: object;
}) => ({
  key: f.key,
  version: f.version,
  title: f.title,
  schema: f.schema as Record<string, unknown>,
  uiSchema: f.uiSchema as Record<string, unknown>,
});

export function formRoutes() {
  const router = createRouter();
  router.openapi(list, async (c) => c.json(await listForms(c.get('deps').db), 200));

  router.openapi(check, (c) => {
    requireRole(c.get('user'), 'authority.admin');
    const result = checkFormDefinition(c.req.valid('json'));
    return c.json({ ok: result.ok, issues: result.ok ? [] : result.issues }, 200);
  });

  router.openapi(getOne, async (c) => {
    const { key } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const form = await getForm(c.get('deps').db, key, version);
    if (!form) throw formNotFound(key, version);
    return c.json(publicForm(form), 200);
  });

  router.openapi(versions, async (c) => {
    const { key } = c.req.valid('param');
    const rows = await listFormVersions(c.get('deps').db, key);
    if (rows.length === 0) throw formNotFound(key);
    return c.json(
      rows.map((r) => ({
        version: r.version,
        title: r.title,
        createdBy: r.createdBy,
        createdAt: r.createdAt.toISOString(),
      })),
      200,
    );
  });

  router.openapi(save, async (c) => {
    const user = requireRole(c.get('user'), 'authority.admin');
    const body = c.req.valid('json');
    const db = c.get('deps').db;
    // The version and its audit row commit together, or neither does.
    const saved = await db.transaction(async (tx) => {
      const result = await saveForm(tx, { ...body, createdBy: user.username });
      await auditAct(c, tx, {
        action: 'form.save',
        target: `${result.key} v${result.version}`,
        details: { created: result.created, title: body.title },
      });
      return result;
    });
    const form = await getForm(db, saved.key, saved.version);
    if (!form) throw new Error(`form ${saved.key} v${saved.version} vanished after saving`);
    return c.json(publicForm(form), saved.created ? 201 : 200);
  });
  return router;
}
