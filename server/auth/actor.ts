/** @module Who acts, as identity's commands take it for their audit rows: the session's username and the client's address. */
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { clientIp } from '../http/client-ip';

export const actorOf = (c: Context<AppEnv>) => ({
  actor: (c.var as { user?: { username: string } }).user?.username ?? null,
  ip: clientIp(c),
});
