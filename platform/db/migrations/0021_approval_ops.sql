CREATE TABLE "task_copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"element_id" text NOT NULL,
	"task_name" text NOT NULL,
	"process_key" text NOT NULL,
	"business_key" text,
	"username" text NOT NULL,
	"copied_by" text,
	"comment" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_tasks" ADD COLUMN "owner" text;--> statement-breakpoint
CREATE UNIQUE INDEX "task_copies_task_user_uq" ON "task_copies" USING btree ("task_id","username");--> statement-breakpoint
CREATE INDEX "task_copies_user_idx" ON "task_copies" USING btree ("username","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "user_tasks_done_idx" ON "user_tasks" USING btree ("completed_by","completed_at" DESC NULLS LAST) WHERE "user_tasks"."status" = 'completed';