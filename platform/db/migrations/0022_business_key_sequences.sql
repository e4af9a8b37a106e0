CREATE TABLE "business_key_sequences" (
	"process_key" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "business_key_sequences_process_key_year_pk" PRIMARY KEY("process_key","year")
);
