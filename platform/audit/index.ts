/** @module Public face of the audit log: the table and the one writer every area uses. */
export { auditLog } from './schema';
export { type AuditEntry, type AuditOutcome, writeAudit } from './write-audit';
