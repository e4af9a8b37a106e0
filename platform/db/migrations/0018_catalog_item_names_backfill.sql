-- The data-item names of every entry's current version, for the 一数一源 lookup (catalog store keeps it in step).
INSERT INTO "catalog_entry_item_names" ("entry_id", "name")
SELECT DISTINCT e."id", item->>'name'
FROM "catalog_entries" e
JOIN "catalog_entry_versions" v ON v."entry_id" = e."id" AND v."version" = e."current_version"
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v."fields"->'dataItems') = 'array' THEN v."fields"->'dataItems' ELSE '[]'::jsonb END) item
WHERE coalesce(item->>'name', '') <> ''
ON CONFLICT DO NOTHING;
