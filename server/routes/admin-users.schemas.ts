/** @module zod schemas of /api/admin/users (OpenAPI components): the user as administrators see it, and the bodies. */
import { z } from '@hono/zod-openapi';
import { ROLE_KEYS } from '../../identity/roles';

export const AdminUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    unitKind: z.enum(['authority', 'department', 'town', 'public-service']),
    roles: z.array(z.string()),
    active: z.boolean(),
    /** TOTP enrolled. */
    secondFactor: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AdminUser');

/** Roles are free strings here so an unknown key gets roles.ts's own message (未知角色) rather than an enum error. */
const Roles = z
  .array(z.string().max(60))
  .max(ROLE_KEYS.length)
  .openapi({ example: ['unit.cataloguer'] });
const Name = z.string().trim().min(1).max(50);
const UnitId = z.string().min(1).max(40);
export const Password = z.string().min(8).max(200);

export const CreateUserBody = z
  .object({
    // 2-40 letters, digits, dots, underscores or hyphens: demo usernames look like `gaj.cataloguer`.
    username: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/),
    name: Name,
    unitId: UnitId,
    roles: Roles,
    /** A one-time password chosen by the administrator; without it one is generated and answered once. */
    password: Password.optional(),
  })
  .openapi('CreateUserBody');

export const CreatedUserSchema = AdminUserSchema.extend({ oneTimePassword: z.string() }).openapi(
  'CreatedUser',
);

export const UpdateUserBody = z
  .object({ name: Name.optional(), unitId: UnitId.optional(), roles: Roles.optional() })
  .openapi('UpdateUserBody');

export const PasswordBody = z.object({ password: Password }).openapi('PasswordBody');

export const UserListQuery = z.object({
  unitId: z.string().max(40).optional(),
  role: z.string().max(60).optional(),
  q: z.string().max(50).optional(),
});

export const UserIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const RoleSchema = z
  .object({ key: z.string(), name: z.string(), nameEn: z.string(), countyWide: z.boolean() })
  .openapi('Role');
