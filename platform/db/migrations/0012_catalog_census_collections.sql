CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text,
	"ip" text,
	"action" text NOT NULL,
	"target" text,
	"outcome" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "catalog_collections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"records" integer,
	"note" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "share_type" text;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "open_type" text;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "update_cycle" text;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "last_collected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "next_collection_due" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "stale_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "information_systems" ADD COLUMN "build_mode" text;--> statement-breakpoint
ALTER TABLE "information_systems" ADD COLUMN "status" text DEFAULT 'in-use' NOT NULL;--> statement-breakpoint
ALTER TABLE "information_systems" ADD COLUMN "maintainer" text;--> statement-breakpoint
ALTER TABLE "information_systems" ADD COLUMN "launch_date" date;--> statement-breakpoint
ALTER TABLE "information_systems" ADD COLUMN "deployment" text;--> statement-breakpoint
ALTER TABLE "information_systems" ADD COLUMN "on_county_platform" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "information_systems" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bulletins" ADD COLUMN "stale" jsonb;--> statement-breakpoint
ALTER TABLE "bulletins" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "catalog_collections" ADD CONSTRAINT "catalog_collections_entry_id_catalog_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."catalog_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_at_index" ON "audit_log" USING btree ("actor","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_at_index" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "catalog_collections_entry_id_at_index" ON "catalog_collections" USING btree ("entry_id","at");--> statement-breakpoint
CREATE INDEX "catalog_entries_due_idx" ON "catalog_entries" USING btree ("next_collection_due") WHERE "catalog_entries"."status" = 'active';