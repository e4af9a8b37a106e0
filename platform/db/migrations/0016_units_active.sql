ALTER TABLE "units" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "example" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Every database so far was seeded with the same example list (identity/county-units.ts): mark those rows as examples.
UPDATE "units" SET "example" = true WHERE "kind" <> 'authority' AND "id" IN ('gaj','wjj','rsj','fgj','jyj','mzj','czj','zrj','sthj','zjj','jtj','slj','nyj','swj','wlj','yjj','scj','ybj','tjj','tyj','sfj','spj','cgz','cdjd','cxjd','xhz','hpz','hkz','sqz','lqz','qsx','rmyy','gsgs','bdcdj','zwfw');
