/**
 * @module listAudit: the audit log filtered and paged, newest first. `from`/`to` are instants (the route turns a
 * China date into its day's bounds); `action` matches exactly or as a family (`auth` → `auth.login`, `auth.logout`).
 */
import { and, count, desc, eq, gte, like, lte, or, type SQL } from 'drizzle-orm';
import { auditLog } from '../../platform/audit';
import type { DbOrTx } from '../../platform/db/db';

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** LIKE's own wildcards in a user's text match themselves, not any character. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function whereOf(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.from) parts.push(gte(auditLog.at, filter.from));
  if (filter.to) parts.push(lte(auditLog.at, filter.to));
  if (filter.actor) parts.push(eq(auditLog.actor, filter.actor));
  if (filter.action) {
    parts.push(
      or(eq(auditLog.action, filter.action), like(auditLog.action, `${escapeLike(filter.action)}.%`)) as SQL,
    );
  }
  return parts.length ? and(...parts) : undefined;
}

export async function listAudit(
  db: DbOrTx,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AuditRow[]; total: number }> {
  const where = whereOf(filter);
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total: Number(total) };
}

/** At most `limit` rows for the workbook, newest first (the export says when it was cut). */
export async function selectAuditForExport(
  db: DbOrTx,
  filter: AuditFilter,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(whereOf(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
