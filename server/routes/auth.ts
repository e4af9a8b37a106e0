/** @module POST /api/auth/login and /logout: scrypt-checked passwords, rate-limited failures, HttpOnly SameSite=Strict cookie. */
import { randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../platform/errors';
import { FailureLimiter } from '../auth/rate-limit';
import { SESSION_COOKIE, tokenOf } from '../auth/session';
import { clientIp, isSecureRequest } from '../http/client-ip';
import { createRouter } from '../http/env';
import { DUMMY_HASH, verifyPassword } from '../../identity/password';
import { createSession, deleteSession, findUserForLogin, loadSessionUser } from '../../identity/store';
import { ErrorSchema, UserSchema } from './schemas';

const LoginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).openapi('LoginBody');

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: '登录 / log in',
  request: { body: { required: true, content: { 'application/json': { schema: LoginBody } } } },
  responses: {
    200: { description: 'token and user', content: { 'application/json': { schema: z.object({ token: z.string(), user: UserSchema }) } } },
    401: { description: 'wrong username or password', content: { 'application/json': { schema: ErrorSchema } } },
    429: { description: 'too many failures', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: '退出登录 / log out',
  responses: { 204: { description: 'session ended' } },
});

const tooMany = () =>
  new AppError('RATE_LIMITED', '登录失败次数过多，请稍后再试', { messageEn: 'Too many failed logins, try again later' });
const badCredentials = () =>
  new AppError('UNAUTHENTICATED', '用户名或密码错误', { messageEn: 'Wrong username or password' });

export function authRoutes() {
  const router = createRouter();
  // 5 failures per username+IP and 30 per IP in 15 minutes; success resets the username's count.
  const perUser = new FailureLimiter({ max: 5, windowMs: 15 * 60_000 });
  const perIp = new FailureLimiter({ max: 30, windowMs: 15 * 60_000 });

  router.openapi(login, async (c) => {
    const { username, password } = c.req.valid('json');
    const ip = clientIp(c);
    const userKey = `${username.toLowerCase()}|${ip}`;
    if (perUser.isBlocked(userKey) || perIp.isBlocked(ip)) throw tooMany();
    const { db, config } = c.var.deps;
    const row = await findUserForLogin(db, username);
    // Verify even for unknown users so the answer time does not reveal who exists.
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    const user = ok && row?.active ? await loadSessionUser(db, row.id) : undefined;
    if (!user) {
      perUser.fail(userKey);
      perIp.fail(ip);
      throw badCredentials();
    }
    perUser.reset(userKey);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + config.sessionHours * 3600_000); // wall clock, see session.ts
    await createSession(db, user.id, token, expiresAt);
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
    if (token) await deleteSession(c.var.deps.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  return router;
}
