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
import { body, json } from './openapi';

const Variables = z.record(z.string(), z.any());
const MessageBody = z
  .object({
    name: z.string().min(1).max(200),
    correlationKey: z.string().min(1).max(500),
    variables: Variables.optional(),
    /** Milliseconds the message stays buffered for subscriptions that open later (Camunda 8's timeToLive). */
    timeToLive: z
      .number()
      .int()
      .min(0)
      .max(365 * 24 * 3600 * 1000)
      .optional(),
    /** The publisher's id: a repeat with the same name and key while the first is buffered is refused (409). */
    messageId: z.string().min(1).max(200).optional(),
  })
  .openapi('MessagePublication');
const MessageResult = z
  .object({
    correlated: z.number().int(),
    /** Present when the message was buffered (timeToLive > 0): the buffered message's id. */
    messageKey: z.string().optional(),
  })
  .openapi('MessagePublicationResult');

const publish = createRoute({
  method: 'post',
  path: '/api/messages',
  tags: ['processes'],
  summary: '发布消息 / publish a message (authority.admin, platform.integration)',
  request: { body: body(MessageBody) },
  responses: {
    200: json(
      MessageResult,
      'instances correlated or started (0: nobody waits; dropped unless it has a timeToLive)',
    ),
    400: json(ErrorSchema, 'malformed body'),
    403: json(ErrorSchema, 'neither authority.admin nor platform.integration'),
    409: json(ErrorSchema, 'a message with this name, key and messageId is still buffered'),
  },
});

/** Roles that may publish messages and broadcast signals from outside a process. */
export const INTEGRATION_ROLES = ['authority.admin', 'platform.integration'] as const;

export function messageRoutes() {
  const router = createRouter();
  router.openapi(publish, async (c) => {
    const user = requireRole(c.get('user'), ...INTEGRATION_ROLES);
    const body = c.req.valid('json');
    const out = await runtimeOf(c).publishMessage({
      messageName: body.name,
      correlationKey: body.correlationKey,
      variables: body.variables ?? {},
      user: actorOf(user),
      ...(body.timeToLive ? { timeToLiveMs: body.timeToLive } : {}),
      ...(body.messageId ? { messageId: body.messageId } : {}),
    });
    await auditAct(c, c.get('deps').db, {
      action: 'message.publish',
      target: body.name,
      details: {
        correlationKey: body.correlationKey,
        correlated: out.correlated,
        instances: out.instanceIds,
        ...(out.messageKey
          ? { messageKey: out.messageKey, timeToLive: body.timeToLive, messageId: body.messageId }
          : {}),
      },
    });
    return c.json(
      { correlated: out.correlated, ...(out.messageKey ? { messageKey: out.messageKey } : {}) },
      200,
    );
  });
  return router;
}
