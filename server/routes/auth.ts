/**
 * @module POST /api/auth/login and /logout. The rules (password, account lock in the database, second factor,
 * audit) live in identity/login.ts; this route speaks HTTP and sets the HttpOnly SameSite=Strict cookie.
 * There is no per-IP limiter any more: behind the county's proxy every user shares one address, so a per-IP
 * count lets one attacker lock everybody out; the per-account lock (5 in 15 minutes, every process) is the limit.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { writeAudit } from '../../platform/audit';
import { actorOf } from '../auth/actor';
import { SESSION_COOKIE, sessionPolicy, tokenOf } from '../auth/session';
import { isSecureRequest } from '../http/client-ip';
import { createRouter } from '../http/env';
import { login } from '../../identity/login';
import { settleRevocation } from '../../identity/session-revocation';
import { endSession } from '../../identity/store';
import { ErrorSchema, UserSchema } from './schemas';
import { body, json } from './openapi';

const LoginBody = z
  .object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(200),
    /** The 6-digit TOTP code, or a recovery code, for accounts with a second factor. */
    code: z.string().max(40).optional(),
  })
  .openapi('LoginBody');

const errorJson = (description: string) => json(ErrorSchema, description);

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: '登录 / log in (with `code` when the account has a second factor)',
  request: { body: body(LoginBody) },
  responses: {
    200: json(z.object({ token: z.string(), user: UserSchema }), 'token and user'),
    401: errorJson(
      'wrong username or password (UNAUTHENTICATED), or a code is needed (SECOND_FACTOR_REQUIRED)',
    ),
    423: errorJson('ACCOUNT_LOCKED: 5 failures within 15 minutes lock the account for 15 minutes'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: '退出登录 / log out: the session ends on every server process',
  responses: { 204: { description: 'session ended' } },
});

export function authRoutes() {
  const router = createRouter();

  router.openapi(loginRoute, async (c) => {
    const { db, config } = c.get('deps');
    // Wall clock, not the engine's test clock (see auth/session.ts).
    const { token, user, expiresAt } = await login(db, c.req.valid('json'), {
      ip: actorOf(c).ip,
      now: new Date(),
      policy: sessionPolicy(config),
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      expires: expiresAt,
      secure: isSecureRequest(c),
    });
    return c.json({ token, user }, 200);
  });

  router.openapi(logout, async (c) => {
    const token = tokenOf(c);
    const { db } = c.get('deps');
    if (token) {
      const ended = await db.transaction(async (tx) => {
        const session = await endSession(tx, token);
        if (session) {
          await writeAudit(tx, {
            ...actorOf(c),
            action: 'auth.logout',
            target: c.get('user')?.username,
            outcome: 'ok',
          });
        }
        return session;
      });
      if (ended) await settleRevocation(db, ended.userId, ended.nonce);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  return router;
}
