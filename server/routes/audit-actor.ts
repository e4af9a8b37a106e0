/** @module Who did it, for the audit log: the signed-in username and the client's address (first X-Forwarded-For hop, else the socket). */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';

export function auditActorOf(c: Context<AppEnv>): { actor: string; ip: string | null } {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  let ip: string | null = forwarded || null;
  if (!ip) {
    try {
      ip = getConnInfo(c).remote.address ?? null;
    } catch {
      ip = null; // in-process requests (tests) have no socket
    }
  }
  return { actor: c.var.user.username, ip };
}
