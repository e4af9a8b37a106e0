/**
 * @module POST /api/messages (docs/api.md "Messages, signals, decisions"): Camunda 8's message publication, for other
 * systems (the county data platform, a reporting line) through a `platform.integration` account, and administrators.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/rbac';
import { auditAct } from '../http/audit-act';
import { createRouter } from '../http/env';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { ErrorSchema } from './schemas';
import { json } from './openapi';

const Variables = z.record(z.string(), z.any());
const MessageBody = z
  .object({
    name: z.string().min(1).max(200),
    correlationKey: z.string().min(1).max(500),
    variables: Variables.optional(),
  })
  .openapi('MessagePublication');
const MessageResult = z.object({ correlated: z.number().int() }).openapi('MessagePublicationResult');

const publish = createRoute({
  method: 'post',
  path: '/api/messages',
  tags: ['processes'],
  summary: '发布消息 / publish a message (authority.admin, platform.integration)',
  request: { body: { required: true, content: { 'application/json': { schema: MessageBody } } } },
  responses: {
    200: json(MessageResult, 'instances correlated or started (0: nobody waits; the message is dropped)'),
    400: json(ErrorSchema, 'malformed body'),
    403: json(ErrorSchema, 'neither authority.admin nor platform.integration'),
  },
});

/** Roles that may publish messages and broadcast signals from outside a process. */
export const INTEGRATION_ROLES = ['authority.admin', 'platform.integration'] as const;

export function messageRoutes() {
  const router = createRouter();
  router.openapi(publish, async (c) => {
    const user = requireRole(c.var.user, ...INTEGRATION_ROLES);
    const body = c.req.valid('json');
    const out = await runtimeOf(c).publishMessage({
      messageName: body.name,
      correlationKey: body.correlationKey,
      variables: body.variables ?? {},
      user: actorOf(user),
    });
    await auditAct(c, c.var.deps.db, {
      action: 'message.publish',
      target: body.name,
      details: {
        correlationKey: body.correlationKey,
        correlated: out.correlated,
        instances: out.instanceIds,
      },
    });
    return c.json({ correlated: out.correlated }, 200);
  });
  return router;
}
