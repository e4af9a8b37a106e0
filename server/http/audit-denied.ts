/**
 * @module auditDenied: every 403 the API answers becomes an audit row (`http.forbidden`, outcome denied), so an
 * auditor sees who tried what they may not. Written on its own connection: the refused act rolled back, if it
 * had begun. A failure to write is logged and does not change the answer (the caller still gets its 403).
 */
import type { Context } from 'hono';
import { writeAudit } from '../../platform/audit';
import type { AppError } from '../../platform/errors';
import { clientIp } from './client-ip';
import type { AppEnv } from './app-env';

export async function auditDenied(c: Context<AppEnv>, err: AppError): Promise<void> {
  const deps = c.get('deps');
  if (!deps) return;
  try {
    await writeAudit(deps.db, {
      actor: (c.var as { user?: { username: string } }).user?.username ?? null,
      ip: clientIp(c),
      action: 'http.forbidden',
      target: `${c.req.method} ${c.req.path}`.slice(0, 500),
      outcome: 'denied',
      details: { message: err.message },
    });
  } catch (e) {
    console.error('[audit] could not record a refusal:', e);
  }
}
