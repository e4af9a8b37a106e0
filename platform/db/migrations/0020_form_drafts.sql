CREATE TABLE "form_drafts" (
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_drafts_kind_ref_user_id_pk" PRIMARY KEY("kind","ref","user_id")
);
