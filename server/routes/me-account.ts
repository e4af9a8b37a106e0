/**
 * @module The signed-in person's own account: POST /api/me/password (policy, ends their other sessions) and the
 * second factor, POST /api/me/totp (a pending secret) and POST /api/me/totp/confirm (first code → recovery codes).
 * Rules live in identity/ (change-password.ts, totp.ts); these handlers pass the session and the client.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { tokenOf } from '../auth/session';
import { createRouter } from '../http/env';
import { changeOwnPassword } from '../../identity/change-password';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../identity/totp';
import { ErrorSchema } from './schemas';
import { body, json } from './openapi';

const errorJson = (description: string) => json(ErrorSchema, description);

const PasswordChangeBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .openapi('PasswordChangeBody');

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/me/password',
  tags: ['auth'],
  summary:
    '修改密码 / change my password: ≥ 10 characters, 3 of lower/upper/digit/symbol, not the username, not the current one',
  request: { body: body(PasswordChangeBody) },
  responses: {
    204: { description: 'changed; the user’s other sessions ended' },
    400: errorJson('the current password is wrong'),
    422: errorJson('WEAK_PASSWORD: which rule the new password breaks'),
  },
});

const TotpStart = z.object({ secret: z.string(), otpauthUrl: z.string() }).openapi('TotpEnrolment');
const totpRoute = createRoute({
  method: 'post',
  path: '/api/me/totp',
  tags: ['auth'],
  summary: '绑定两步验证 / start TOTP enrolment: a secret and its otpauth:// URL (for a QR code)',
  responses: {
    200: json(TotpStart, 'pending secret'),
    409: errorJson('already enrolled'),
  },
});

const TotpConfirmBody = z.object({ code: z.string().min(1).max(20) }).openapi('TotpConfirmBody');
const confirmRoute = createRoute({
  method: 'post',
  path: '/api/me/totp/confirm',
  tags: ['auth'],
  summary: '确认两步验证 / confirm with the first code; answers 10 one-use recovery codes, shown once',
  request: { body: body(TotpConfirmBody) },
  responses: {
    200: json(z.object({ recoveryCodes: z.array(z.string()) }), 'enrolled'),
    400: errorJson('wrong code'),
    409: errorJson('no enrolment started, or already enrolled'),
  },
});

export function meAccountRoutes() {
  const router = createRouter();
  router.openapi(passwordRoute, async (c) => {
    await changeOwnPassword(c.get('deps').db, c.get('user'), c.req.valid('json'), tokenOf(c), actorOf(c));
    return c.body(null, 204);
  });
  router.openapi(totpRoute, async (c) => c.json(await startTotpEnrolment(c.get('deps').db, c.get('user')), 200));
  router.openapi(confirmRoute, async (c) => {
    const { code } = c.req.valid('json');
    const recoveryCodes = await confirmTotpEnrolment(c.get('deps').db, c.get('user'), code, new Date(), actorOf(c));
    return c.json({ recoveryCodes }, 200);
  });
  return router;
}
