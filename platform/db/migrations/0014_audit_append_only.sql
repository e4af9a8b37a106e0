-- The audit log is append-only (等保 2.0 安全审计: records cannot be altered or deleted by the application).
-- A trigger refuses UPDATE and DELETE for every role that does not own the schema's superuser rights to drop it;
-- retention (at least 180 days) is the operator's, by partition or by a superuser's maintenance script.
CREATE OR REPLACE FUNCTION huiliu_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (审计日志不可修改或删除)' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_append_only ON "audit_log";
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION huiliu_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION huiliu_audit_append_only();
