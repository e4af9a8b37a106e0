/** @module Response schemas shared by several routes (docs/api.md's shapes). */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    roles: z.array(z.string()),
    /** One-time password in use: only GET /api/me, POST /api/me/password and logout are open until it is changed. */
    mustChangePassword: z.boolean().optional(),
    /** An administrator (三员) without a second factor: enrol through POST /api/me/totp first. */
    mustEnrolSecondFactor: z.boolean().optional(),
    /** TOTP enrolled: login asks for a code. */
    secondFactor: z.boolean().optional(),
  })
  .openapi('User');

/** The deepest page any list serves; beyond it, narrow the filters (400). pageSize is at most 100 everywhere. */
export const MAX_PAGE = 10_000;

export const PageQuery = z.object({
  // Bounded: an offset of millions makes the database walk and drop every row before it (a cheap denial of service).
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
