DROP INDEX "problems_received_at_idx";--> statement-breakpoint
DROP INDEX "problems_archived_closed_at_idx";--> statement-breakpoint
DROP INDEX "problems_rectifying_due_at_idx";--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "workdays_to_fix" integer;--> statement-breakpoint
CREATE INDEX "problems_archived_unfigured_idx" ON "problems" USING btree ("closed_at") WHERE "problems"."status" = 'archived' and "problems"."workdays_to_fix" is null and "problems"."rectified_at" is not null;--> statement-breakpoint
CREATE INDEX "problems_received_at_idx" ON "problems" USING btree ("received_at","source_unit_id","status");--> statement-breakpoint
CREATE INDEX "problems_archived_closed_at_idx" ON "problems" USING btree ("closed_at","source_unit_id","on_time","rounds","workdays_to_fix") WHERE "problems"."status" = 'archived';--> statement-breakpoint
CREATE INDEX "problems_rectifying_due_at_idx" ON "problems" USING btree ("due_at","source_unit_id") WHERE "problems"."status" = 'rectifying';