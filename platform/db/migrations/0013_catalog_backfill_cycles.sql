-- Entries published before update cycles were watched: copy the filter columns and the search text from the
-- current version, and start their cycle at registration (first publication), as the catalog store does.
UPDATE "catalog_entries" e SET
  "category" = v."fields"->>'category',
  "share_type" = v."fields"->>'shareType',
  "open_type" = v."fields"->>'openType',
  "update_cycle" = v."fields"->>'updateCycle',
  "search_text" = lower(concat_ws(' ', e."code", e."resource_name", (
    SELECT string_agg(item->>'name', ' ')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(v."fields"->'dataItems') = 'array' THEN v."fields"->'dataItems' ELSE '[]'::jsonb END) item
  )))
FROM "catalog_entry_versions" v
WHERE v."entry_id" = e."id" AND v."version" = e."current_version";--> statement-breakpoint
UPDATE "catalog_entries" e SET "next_collection_due" = (
  ((((first."published_at" AT TIME ZONE 'Asia/Shanghai')::date) + (CASE e."update_cycle"
    WHEN 'realtime' THEN interval '1 day' WHEN 'daily' THEN interval '1 day' WHEN 'weekly' THEN interval '7 days'
    WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
    WHEN 'halfyearly' THEN interval '6 months' WHEN 'yearly' THEN interval '1 year' END))::date
    + time '23:59:59') AT TIME ZONE 'Asia/Shanghai')
FROM "catalog_entry_versions" first
WHERE first."entry_id" = e."id" AND first."version" = 1 AND e."status" = 'active'
  AND e."update_cycle" IN ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'halfyearly', 'yearly');
