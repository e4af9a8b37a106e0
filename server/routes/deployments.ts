/** @module Deployments and process definitions (docs/api.md "Process definitions"): deploy is for authority.admin. */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors';
import { getForm } from '../../forms';
import { getDefinitionVersion, latestDefinition } from '../../engine/store';
import { requireRole } from '../auth/rbac';
import { createRouter } from '../http/env';
import { auditAct } from '../http/audit-act';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { canStartDefinition } from '../process-access';
import { ErrorSchema } from './schemas';
import { refuseBadBusinessKeyPatterns } from '../../workflows/record';
import { KeyParam, body, json } from './openapi';

const Resource = z.object({ name: z.string().min(1).max(200), content: z.string().max(5 * 1024 * 1024) });
const DeployBody = z.object({ name: z.string().max(200).optional(), resources: z.array(Resource).min(1).max(50) }).openapi('DeployBody');
const DeployResult = z
  .object({
    deploymentId: z.string().nullable(),
    processes: z.array(z.object({ id: z.string(), key: z.string(), version: z.number(), name: z.string().nullable() })),
    forms: z.array(z.object({ key: z.string(), version: z.number() })),
    decisions: z.array(z.object({ decisionId: z.string(), version: z.number(), name: z.string().nullable() })),
  })
  .openapi('DeploymentResult');
const DefinitionSummary = z
  .object({ id: z.string(), key: z.string(), version: z.number(), name: z.string().nullable(), deployedAt: z.string(), canStart: z.boolean() })
  .openapi('ProcessDefinitionSummary');
const Definition = z
  .object({
    id: z.string(),
    key: z.string(),
    version: z.number(),
    name: z.string().nullable(),
    xml: z.string(),
    startForm: z
      .object({
        key: z.string(),
        version: z.number(),
        title: z.string(),
        schema: z.record(z.string(), z.unknown()),
        uiSchema: z.record(z.string(), z.unknown()),
      })
      .optional(),
  })
  .openapi('ProcessDefinition');

const deploy = createRoute({
  method: 'post',
  path: '/api/deployments',
  tags: ['processes'],
  summary: '部署流程与表单 / deploy BPMN and form resources (authority.admin)',
  request: { body: body(DeployBody) },
  responses: {
    201: json(DeployResult, 'new versions'),
    200: json(DeployResult, 'identical to the latest versions'),
    400: json(ErrorSchema, 'BPMN_INVALID with one detail per problem; DMN_INVALID naming the decision and rule'),
  },
});
const list = createRoute({
  method: 'get',
  path: '/api/process-definitions',
  tags: ['processes'],
  summary: '流程定义列表 / process definitions',
  request: { query: z.object({ latest: z.enum(['true', 'false']).optional(), key: z.string().max(200).optional() }) },
  responses: { 200: json(z.array(DefinitionSummary), 'definitions') },
});
const latest = createRoute({
  method: 'get',
  path: '/api/process-definitions/{key}',
  tags: ['processes'],
  summary: '最新版本 / the latest version, with XML and start form',
  request: { params: KeyParam },
  responses: { 200: json(Definition, 'definition') },
});
const version = createRoute({
  method: 'get',
  path: '/api/process-definitions/{key}/versions/{version}',
  tags: ['processes'],
  summary: '指定版本 / one version',
  request: { params: KeyParam.extend({ version: z.coerce.number().int().min(1).openapi({ param: { name: 'version', in: 'path' } }) }) },
  responses: { 200: json(Definition, 'definition') },
});

const notFound = (key: string) => new AppError('NOT_FOUND', `流程 ${key} 不存在`, { messageEn: `Process ${key} not found` });

export function deploymentRoutes() {
  const router = createRouter();
  router.openapi(deploy, async (c) => {
    const user = requireRole(c.get('user'), 'authority.admin');
    const body = c.req.valid('json');
    // A 业务编号 pattern that cannot number instances is refused now, not found out at the first start (#17).
    await refuseBadBusinessKeyPatterns(body.resources);
    const result = await runtimeOf(c).deployResources({ ...body, user: actorOf(user) });
    // The runtime opens its own transaction and takes none from a caller: the row follows the commit.
    await auditAct(c, c.get('deps').db, {
      action: 'deployment.create',
      target: result.deploymentId,
      details: {
        name: body.name,
        created: result.created,
        processes: result.processes.map((p) => `${p.key} v${p.version}`),
        forms: result.forms.map((f) => `${f.key} v${f.version}`),
        decisions: result.decisions.map((d) => `${d.decisionId} v${d.version}`),
      },
    });
    const out = {
      deploymentId: result.deploymentId,
      processes: result.processes.map(({ id, key, version, name }) => ({ id, key, version, name })),
      forms: result.forms,
      decisions: result.decisions.map(({ decisionId, version, name }) => ({ decisionId, version, name })),
    };
    return result.created ? c.json(out, 201) : c.json(out, 200);
  });

  router.openapi(list, async (c) => {
    const { latest: onlyLatest, key } = c.req.valid('query');
    const rows = await runtimeOf(c).listDefinitions({ latest: onlyLatest === 'true', key });
    const items = await Promise.all(
      rows.map(async (d) => ({
        id: d.id,
        key: d.key,
        version: d.version,
        name: d.name ?? null,
        deployedAt: new Date(d.deployedAt).toISOString(),
        canStart: await canStartDefinition(c.get('deps').db, c.get('user'), d.id),
      })),
    );
    return c.json(items, 200);
  });

  const describe = async (db: Parameters<typeof getForm>[0], def: NonNullable<Awaited<ReturnType<typeof latestDefinition>>>) => {
    const formKey = def.compiled.info.startFormKey;
    const form = formKey ? await getForm(db, formKey, def.formBindings[formKey] ?? undefined) : undefined;
    return {
      id: def.id,
      key: def.key,
      version: def.version,
      name: def.name ?? null,
      xml: def.xml,
      ...(form ? { startForm: { key: form.key, version: form.version, title: form.title, schema: form.schema, uiSchema: form.uiSchema } } : {}),
    };
  };

  router.openapi(latest, async (c) => {
    const { key } = c.req.valid('param');
    const def = await latestDefinition(c.get('deps').db, key);
    if (!def) throw notFound(key);
    return c.json(await describe(c.get('deps').db, def), 200);
  });

  router.openapi(version, async (c) => {
    const { key, version: v } = c.req.valid('param');
    const def = await getDefinitionVersion(c.get('deps').db, key, v);
    if (!def) throw notFound(`${key} v${v}`);
    return c.json(await describe(c.get('deps').db, def), 200);
  });
  return router;
}
