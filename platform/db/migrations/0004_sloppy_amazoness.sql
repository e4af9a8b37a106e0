CREATE TABLE "forms" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"schema" jsonb NOT NULL,
	"ui_schema" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checksum" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "forms_key_version_uq" ON "forms" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "user_tasks_open_users_gin" ON "user_tasks" USING gin ("candidate_users") WHERE "user_tasks"."status" = 'open';