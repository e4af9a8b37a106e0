CREATE TABLE "decision_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text,
	"resource_name" text NOT NULL,
	"xml" text NOT NULL,
	"compiled" jsonb NOT NULL,
	"checksum" text NOT NULL,
	"deployment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_subscriptions" ADD COLUMN "kind" text DEFAULT 'message' NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_definitions" ADD CONSTRAINT "decision_definitions_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_definitions_id_version_uq" ON "decision_definitions" USING btree ("decision_id","version");