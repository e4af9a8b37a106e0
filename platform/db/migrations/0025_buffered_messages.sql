CREATE TABLE "buffered_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"correlation_key" text NOT NULL,
	"message_id" text,
	"variables" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reached_process_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_start_keys" (
	"process_key" text NOT NULL,
	"correlation_key" text NOT NULL,
	"instance_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "buffered_messages_lookup_idx" ON "buffered_messages" USING btree ("name","correlation_key");--> statement-breakpoint
CREATE INDEX "buffered_messages_expiry_idx" ON "buffered_messages" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "buffered_messages_message_id_uq" ON "buffered_messages" USING btree ("name","correlation_key","message_id") WHERE "buffered_messages"."message_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "message_start_keys_uq" ON "message_start_keys" USING btree ("process_key","correlation_key");