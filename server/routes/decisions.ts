/**
 * @module POST /api/decisions/{id}/evaluate (docs/api.md "Messages, signals, decisions"): the latest deployed version
 * of a DMN decision against variables, for administrators trying a table and for other systems. GET /api/decisions
 * and GET /api/decisions/{id} (extensions) list the deployed decisions and give one's file, for the DMN editor to
 * open what it saves through POST /api/deployments.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors';
import { latestDecision, listLatestDecisions } from '../../engine/store';
import { requireRole } from '../auth/rbac';
import { createRouter } from '../http/env';
import { runtimeOf } from '../http/runtime-of';
import { INTEGRATION_ROLES } from './messages';
import { ErrorSchema } from './schemas';
import { body, json } from './openapi';

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const EvaluateBody = z
  .object({ variables: z.record(z.string(), z.any()).default({}) })
  .openapi('DecisionEvaluation');
const EvaluateResult = z
  .object({
    result: z.any(),
    decisionId: z.string(),
    version: z.number().int(),
    matchedRules: z.array(z.string()),
  })
  .openapi('DecisionEvaluationResult');

const evaluate = createRoute({
  method: 'post',
  path: '/api/decisions/{id}/evaluate',
  tags: ['processes'],
  summary: '决策求值 / evaluate a deployed decision (authority.admin, platform.integration)',
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(200)
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
    body: body(EvaluateBody),
  },
  responses: {
    200: json(EvaluateResult, 'the decision result (Camunda 8 shape: value, context, or list)'),
    400: json(
      ErrorSchema,
      'the evaluation failed (e.g. UNIQUE with two matching rules), naming the decision',
    ),
    404: json(ErrorSchema, 'no such decision deployed'),
  },
});

const DecisionSummary = z
  .object({
    decisionId: z.string(),
    version: z.number().int(),
    name: z.string().nullable(),
    resourceName: z.string(),
    deployedAt: z.string(),
  })
  .openapi('DecisionSummary');
const list = createRoute({
  method: 'get',
  path: '/api/decisions',
  tags: ['processes'],
  summary: '已部署的决策 / deployed decisions, latest versions (authority.admin)',
  responses: {
    200: json(z.array(DecisionSummary), 'decisions'),
    403: json(ErrorSchema, 'not authority.admin'),
  },
});
const one = createRoute({
  method: 'get',
  path: '/api/decisions/{id}',
  tags: ['processes'],
  summary: '决策文件 / the latest version of a decision with its .dmn file (authority.admin)',
  request: { params: IdParam },
  responses: {
    200: json(DecisionSummary.extend({ xml: z.string() }).openapi('DecisionDefinition'), 'decision'),
    404: json(ErrorSchema, 'no such decision deployed'),
  },
});

export function decisionRoutes() {
  const router = createRouter();
  router.openapi(evaluate, async (c) => {
    requireRole(c.get('user'), ...INTEGRATION_ROLES);
    const { id } = c.req.valid('param');
    const { variables } = c.req.valid('json');
    return c.json(await runtimeOf(c).evaluateDecision({ decisionId: id, variables }), 200);
  });
  router.openapi(list, async (c) => {
    requireRole(c.get('user'), 'authority.admin');
    const rows = await listLatestDecisions(c.get('deps').db);
    return c.json(
      rows.map((r) => ({ ...r, deployedAt: new Date(r.deployedAt).toISOString() })),
      200,
    );
  });
  router.openapi(one, async (c) => {
    requireRole(c.get('user'), 'authority.admin');
    const { id } = c.req.valid('param');
    const row = await latestDecision(c.get('deps').db, id);
    if (!row)
      throw new AppError('NOT_FOUND', `决策 ${id} 未部署`, { messageEn: `Decision ${id} is not deployed` });
    return c.json(
      {
        decisionId: row.decisionId,
        version: row.version,
        name: row.name,
        resourceName: row.resourceName,
        deployedAt: row.createdAt.toISOString(),
        xml: row.xml,
      },
      200,
    );
  });
  return router;
}
