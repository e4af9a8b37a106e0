/** @module Who did it, for the audit log: the signed-in username and the client's address (server/http/client-ip.ts). */
import type { Context } from 'hono';
import { clientIp } from '../http/client-ip';
import type { AppEnv } from '../http/env';

export function auditActorOf(c: Context<AppEnv>): { actor: string; ip: string | null } {
  return { actor: c.get('user').username, ip: clientIp(c) || null };
}
