/**
 * @module POST /api/decisions/{id}/evaluate (docs/api.md "Messages, signals, decisions"): the latest deployed version
 * of a DMN decision against variables, for administrators trying a table and for other systems.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/rbac';
import { createRouter } from '../http/env';
import { runtimeOf } from '../http/runtime-of';
import { INTEGRATION_ROLES } from './messages';
import { ErrorSchema } from './schemas';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
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
    body: { required: true, content: { 'application/json': { schema: EvaluateBody } } },
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

export function decisionRoutes() {
  const router = createRouter();
  router.openapi(evaluate, async (c) => {
    requireRole(c.var.user, ...INTEGRATION_ROLES);
    const { id } = c.req.valid('param');
    const { variables } = c.req.valid('json');
    return c.json(await runtimeOf(c).evaluateDecision({ decisionId: id, variables }), 200);
  });
  return router;
}
