/** @module /api/admin/users and /api/admin/roles: user administration for `security.admin` only (三员分立). */
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { requireRole } from '../auth/rbac';
import { createRouter } from '../http/env';
import {
  type AdminUserRow,
  createUserNow,
  listUsersPage,
  resetUserPassword,
  resetUserSecondFactor,
  setUserEnabled,
  updateUser,
} from '../../identity/manage-users';
import { ROLE_KEYS, ROLES } from '../../identity/roles';
import {
  AdminUserSchema,
  CreatedUserSchema,
  CreateUserBody,
  PasswordBody,
  RoleSchema,
  UpdateUserBody,
  UserIdParam,
  UserListQuery,
} from './admin-users.schemas';
import { ErrorSchema, PageQuery, pageOf } from './schemas';
import { body, json } from './openapi';

const errors = {
  400: json(ErrorSchema, 'bad unit, role or field'),
  403: json(ErrorSchema, 'not security.admin'),
  404: json(ErrorSchema, 'no such user'),
  409: json(ErrorSchema, 'username taken, or the last administrator'),
};
const base = { tags: ['admin'] };

const listRoute = createRoute({
  ...base,
  method: 'get',
  path: '/api/admin/users',
  summary: '用户列表 / users with unit and roles (security.admin)',
  request: { query: PageQuery.extend(UserListQuery.shape) },
  responses: { 200: json(pageOf(AdminUserSchema), 'users'), 403: errors[403] },
});
const createUserRoute = createRoute({
  ...base,
  method: 'post',
  path: '/api/admin/users',
  summary: '新建用户 / create a user with a one-time password (given or generated)',
  request: { body: body(CreateUserBody) },
  responses: {
    201: json(CreatedUserSchema, 'created, with its one-time password (shown once)'),
    400: errors[400],
    403: errors[403],
    409: errors[409],
  },
});
const updateRoute = createRoute({
  ...base,
  method: 'patch',
  path: '/api/admin/users/{id}',
  summary: '修改用户 / change name, unit or roles',
  request: { params: UserIdParam, body: body(UpdateUserBody) },
  responses: { 200: json(AdminUserSchema, 'updated'), ...errors },
});
const enableRoute = (action: 'enable' | 'disable') =>
  createRoute({
    ...base,
    method: 'post',
    path: `/api/admin/users/{id}/${action}`,
    summary: action === 'enable' ? '启用用户 / enable' : '停用用户 / disable: login refused, sessions end',
    request: { params: UserIdParam },
    responses: { 200: json(AdminUserSchema, 'user'), 403: errors[403], 404: errors[404], 409: errors[409] },
  });
const passwordRoute = createRoute({
  ...base,
  method: 'post',
  path: '/api/admin/users/{id}/password',
  summary: '重置密码 / set a one-time password; the user must change it, their sessions end',
  request: { params: UserIdParam, body: body(PasswordBody) },
  responses: { 204: { description: 'password set' }, 400: errors[400], 403: errors[403], 404: errors[404] },
});
const totpResetRoute = createRoute({
  ...base,
  method: 'post',
  path: '/api/admin/users/{id}/totp/reset',
  summary: '重置两步验证 / remove a user’s second factor (lost phone): their sessions end, they enrol again',
  request: { params: UserIdParam },
  responses: { 204: { description: 'second factor removed' }, 403: errors[403], 404: errors[404] },
});
const rolesRoute = createRoute({
  ...base,
  method: 'get',
  path: '/api/admin/roles',
  summary: '角色列表 / the role keys with names',
  responses: { 200: json(z.object({ items: z.array(RoleSchema) }), 'roles') },
});

const dto = (u: AdminUserRow) => ({
  ...u,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export function adminUserRoutes() {
  const router = createRouter();
  router.openapi(listRoute, async (c) => {
    requireRole(c.get('user'), 'security.admin');
    const { page, pageSize, ...filter } = c.req.valid('query');
    const { items, total } = await listUsersPage(c.get('deps').db, filter, page, pageSize);
    return c.json({ items: items.map(dto), total, page, pageSize }, 200);
  });
  router.openapi(createUserRoute, async (c) => {
    requireRole(c.get('user'), 'security.admin');
    const { password, ...input } = c.req.valid('json');
    const { user, oneTimePassword } = await createUserNow(
      c.get('deps').db,
      { ...input, oneTimePassword: password },
      actorOf(c),
    );
    // The one-time password is shown once, to the administrator who hands it over; only its hash is kept.
    return c.json({ ...dto(user), oneTimePassword }, 201);
  });
  router.openapi(updateRoute, async (c) => {
    requireRole(c.get('user'), 'security.admin');
    const { id } = c.req.valid('param');
    return c.json(dto(await updateUser(c.get('deps').db, id, c.req.valid('json'), actorOf(c))), 200);
  });
  for (const action of ['enable', 'disable'] as const) {
    router.openapi(enableRoute(action), async (c) => {
      requireRole(c.get('user'), 'security.admin');
      return c.json(
        dto(await setUserEnabled(c.get('deps').db, c.req.valid('param').id, action === 'enable', actorOf(c))),
        200,
      );
    });
  }
  router.openapi(passwordRoute, async (c) => {
    requireRole(c.get('user'), 'security.admin');
    const { id } = c.req.valid('param');
    await resetUserPassword(c.get('deps').db, id, c.req.valid('json').password, actorOf(c));
    return c.body(null, 204);
  });
  router.openapi(totpResetRoute, async (c) => {
    requireRole(c.get('user'), 'security.admin');
    await resetUserSecondFactor(c.get('deps').db, c.req.valid('param').id, actorOf(c));
    return c.body(null, 204);
  });
  router.openapi(rolesRoute, (c) => {
    requireRole(c.get('user'), 'security.admin');
    return c.json({ items: ROLE_KEYS.map((key) => ({ key, ...ROLES[key] })) }, 200);
  });
  return router;
}
