/** @module /api/notifications: the caller's own notifications (催办, results, bulletins) and marking them read. */
import { createRoute, z } from '@hono/zod-openapi';
import { listNotifications, markNotificationsRead } from '../../workflows/notifications';
import { createRouter } from '../http/env';
import { body, json } from './openapi';

const NotificationSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    kind: z.string(),
    instanceId: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Notification');

const listRoute = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags: ['notifications'],
  summary: '我的通知 / my notifications, newest first, with the unread count',
  request: {
    query: z.object({
      unread: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(NotificationSchema), unread: z.number() }), 'notifications'),
  },
});
const readRoute = createRoute({
  method: 'post',
  path: '/api/notifications/read',
  tags: ['notifications'],
  summary: '标记已读 / mark some (ids) or all of my notifications read',
  request: {
    body: body(z.object({ ids: z.array(z.uuid()).max(500).optional() })),
  },
  responses: { 200: json(z.object({ updated: z.number() }), 'updated') },
});

export function notificationRoutes() {
  const router = createRouter();
  router.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const { items, unread } = await listNotifications(c.get('deps').db, c.get('user').id, {
      unreadOnly: q.unread === 'true',
      limit: q.limit,
    });
    const dto = items.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link,
      kind: n.kind,
      instanceId: n.instanceId,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    }));
    return c.json({ items: dto, unread }, 200);
  });
  router.openapi(readRoute, async (c) => {
    const updated = await markNotificationsRead(
      c.get('deps').db,
      c.get('user').id,
      c.get('deps').clock.now(),
      c.req.valid('json').ids,
    );
    return c.json({ updated }, 200);
  });
  return router;
}
