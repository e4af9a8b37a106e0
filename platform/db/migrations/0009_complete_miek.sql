CREATE INDEX "problems_received_at_idx" ON "problems" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "problems_archived_closed_at_idx" ON "problems" USING btree ("closed_at") WHERE "problems"."status" = 'archived';--> statement-breakpoint
CREATE INDEX "problems_rectifying_due_at_idx" ON "problems" USING btree ("due_at") WHERE "problems"."status" = 'rectifying';