/**
 * @module writeAudit: records one act in the audit log. Pass the transaction of the act itself, so the row
 * commits with the act or not at all (a refused or failed act is written on its own with outcome denied/failed).
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/db';
import { auditLog } from './schema';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  actor: string | null;
  ip?: string | null;
  action: string;
  target?: string | null;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
  /** Defaults to the database's now(); pass the act's own time when it has one. */
  at?: Date;
}

/** Keys whose values must never reach the log, however a caller builds `details`. */
const SECRET_KEYS = /pass(word)?|token|secret|code|otp/i;

function scrub(details: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!details) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : v;
  return out;
}

export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    id: randomUUID(),
    ...(entry.at ? { at: entry.at } : {}),
    actor: entry.actor,
    ip: entry.ip ?? null,
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome,
    details: scrub(entry.details),
  });
}
