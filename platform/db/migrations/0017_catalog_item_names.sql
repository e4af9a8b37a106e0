CREATE TABLE "catalog_entry_item_names" (
	"entry_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "catalog_entry_item_names_entry_id_name_pk" PRIMARY KEY("entry_id","name")
);
--> statement-breakpoint
ALTER TABLE "catalog_entry_item_names" ADD CONSTRAINT "catalog_entry_item_names_entry_id_catalog_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."catalog_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_entry_item_names_name_index" ON "catalog_entry_item_names" USING btree ("name");