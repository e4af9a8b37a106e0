CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"deployed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"element_id" text,
	"actor" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"incident_key" text NOT NULL,
	"element_id" text NOT NULL,
	"activation" integer NOT NULL,
	"type" text NOT NULL,
	"message" text NOT NULL,
	"expression" text,
	"job_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"job_key" text NOT NULL,
	"element_id" text NOT NULL,
	"activation" integer NOT NULL,
	"loop_index" integer,
	"type" text NOT NULL,
	"variables" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retries" integer DEFAULT 3 NOT NULL,
	"retries_left" integer DEFAULT 3 NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"lock_owner" text,
	"last_error" text,
	"status" text DEFAULT 'ready' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"subscription_key" text NOT NULL,
	"message_name" text NOT NULL,
	"correlation_key" text,
	"element_id" text NOT NULL,
	"activation" integer NOT NULL,
	"loop_index" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text,
	"xml" text NOT NULL,
	"compiled" jsonb NOT NULL,
	"checksum" text NOT NULL,
	"form_bindings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deployment_id" uuid NOT NULL,
	"deployed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"definition_id" uuid NOT NULL,
	"process_key" text NOT NULL,
	"definition_version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"business_key" text,
	"unit_id" text,
	"started_by" text,
	"parent_instance_id" uuid,
	"parent_ref" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"variables" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active_element_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid,
	"definition_id" uuid,
	"timer_key" text NOT NULL,
	"element_id" text NOT NULL,
	"activation" integer NOT NULL,
	"loop_index" integer,
	"due_at" timestamp with time zone NOT NULL,
	"cycle" text,
	"repetitions_left" integer,
	"interrupting" boolean,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"element_id" text NOT NULL,
	"task_key" text NOT NULL,
	"activation" integer NOT NULL,
	"loop_index" integer,
	"name" text NOT NULL,
	"assignee" text,
	"candidate_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"candidate_users" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_id" text,
	"due_at" timestamp with time zone,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"follow_up_at" timestamp with time zone,
	"priority" integer DEFAULT 50 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"form_key" text,
	"form_version" integer,
	"local_vars" jsonb,
	"process_key" text NOT NULL,
	"business_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_instance_id_process_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."process_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_instance_id_process_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."process_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_subscriptions" ADD CONSTRAINT "message_subscriptions_instance_id_process_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."process_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_definitions" ADD CONSTRAINT "process_definitions_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_instances" ADD CONSTRAINT "process_instances_definition_id_process_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."process_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timers" ADD CONSTRAINT "timers_instance_id_process_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."process_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timers" ADD CONSTRAINT "timers_definition_id_process_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."process_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tasks" ADD CONSTRAINT "user_tasks_instance_id_process_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."process_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "history_events_instance_idx" ON "history_events" USING btree ("instance_id","id");--> statement-breakpoint
CREATE INDEX "incidents_instance_idx" ON "incidents" USING btree ("instance_id","status");--> statement-breakpoint
CREATE INDEX "incidents_open_idx" ON "incidents" USING btree ("created_at") WHERE "incidents"."status" = 'open';--> statement-breakpoint
CREATE INDEX "jobs_ready_idx" ON "jobs" USING btree ("next_run_at") WHERE "jobs"."status" = 'ready';--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_instance_key_uq" ON "jobs" USING btree ("instance_id","job_key");--> statement-breakpoint
CREATE INDEX "message_subscriptions_lookup_idx" ON "message_subscriptions" USING btree ("message_name","correlation_key") WHERE "message_subscriptions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "message_subscriptions_instance_idx" ON "message_subscriptions" USING btree ("instance_id","subscription_key");--> statement-breakpoint
CREATE UNIQUE INDEX "process_definitions_key_version_uq" ON "process_definitions" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "process_instances_key_status_idx" ON "process_instances" USING btree ("process_key","status","started_at");--> statement-breakpoint
CREATE INDEX "process_instances_business_key_idx" ON "process_instances" USING btree ("business_key");--> statement-breakpoint
CREATE INDEX "process_instances_parent_idx" ON "process_instances" USING btree ("parent_instance_id");--> statement-breakpoint
CREATE INDEX "process_instances_unit_idx" ON "process_instances" USING btree ("unit_id","started_at");--> statement-breakpoint
CREATE INDEX "timers_due_idx" ON "timers" USING btree ("due_at") WHERE "timers"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "timers_instance_key_idx" ON "timers" USING btree ("instance_id","timer_key");--> statement-breakpoint
CREATE UNIQUE INDEX "user_tasks_instance_key_uq" ON "user_tasks" USING btree ("instance_id","task_key");--> statement-breakpoint
CREATE INDEX "user_tasks_open_assignee_idx" ON "user_tasks" USING btree ("assignee","created_at" DESC NULLS LAST) WHERE "user_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "user_tasks_open_unit_idx" ON "user_tasks" USING btree ("unit_id","created_at" DESC NULLS LAST) WHERE "user_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "user_tasks_open_groups_gin" ON "user_tasks" USING gin ("candidate_groups") WHERE "user_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "user_tasks_open_due_idx" ON "user_tasks" USING btree ("due_at") WHERE "user_tasks"."status" = 'open' and "user_tasks"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "user_tasks_process_status_idx" ON "user_tasks" USING btree ("process_key","status");