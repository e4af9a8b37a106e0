/**
 * @module auditAct: writes the audit row of the request's act with the session's user and the client's address.
 * Pass the act's own transaction so the row commits with it (platform/audit/write-audit.ts).
 */
import type { Context } from 'hono';
import { type AuditOutcome, writeAudit } from '../../platform/audit';
import type { DbOrTx } from '../../platform/db/db';
import { clientIp } from './client-ip';
import type { AppEnv } from './env';

export interface AuditAct {
  action: string;
  target?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

export function auditAct(c: Context<AppEnv>, db: DbOrTx, act: AuditAct): Promise<void> {
  const user = (c.var as { user?: { username: string } }).user;
  return writeAudit(db, {
    actor: user?.username ?? null,
    ip: clientIp(c),
    action: act.action,
    target: act.target ?? null,
    outcome: act.outcome ?? 'ok',
    details: act.details,
  });
}
