/** @module POST /api/signals (docs/api.md "Messages, signals, decisions"): broadcast a signal to every process that listens. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/rbac';
import { auditAct } from '../http/audit-act';
import { createRouter } from '../http/env';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { INTEGRATION_ROLES } from './messages';
import { ErrorSchema } from './schemas';
import { body, json } from './openapi';

const SignalBody = z
  .object({ name: z.string().min(1).max(200), variables: z.record(z.string(), z.any()).optional() })
  .openapi('SignalBroadcast');
const SignalResult = z.object({ triggered: z.number().int() }).openapi('SignalBroadcastResult');

const broadcast = createRoute({
  method: 'post',
  path: '/api/signals',
  tags: ['processes'],
  summary: '广播信号 / broadcast a signal (authority.admin, platform.integration)',
  request: { body: body(SignalBody) },
  responses: {
    200: json(SignalResult, 'catch events, boundaries and start events triggered (0: nobody listens)'),
    400: json(ErrorSchema, 'malformed body'),
    403: json(ErrorSchema, 'neither authority.admin nor platform.integration'),
  },
});

export function signalRoutes() {
  const router = createRouter();
  router.openapi(broadcast, async (c) => {
    const user = requireRole(c.get('user'), ...INTEGRATION_ROLES);
    const body = c.req.valid('json');
    const out = await runtimeOf(c).broadcastSignal({
      signalName: body.name,
      variables: body.variables ?? {},
      user: actorOf(user),
    });
    await auditAct(c, c.get('deps').db, {
      action: 'signal.broadcast',
      target: body.name,
      details: { triggered: out.triggered },
    });
    return c.json(out, 200);
  });
  return router;
}
