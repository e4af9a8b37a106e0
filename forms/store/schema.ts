/** @module The forms registry table: every saved version of a JSON-Schema form, immutable once written. */
import { bigserial, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const forms = pgTable(
  'forms',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    key: text().notNull(),
    version: integer().notNull(),
    title: text().notNull(),
    schema: jsonb().$type<Record<string, unknown>>().notNull(),
    uiSchema: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** sha256 of the canonical {title, schema, uiSchema}: saving identical content is a no-op. */
    checksum: text().notNull(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Versions are immutable and pinned by deployed processes; (key, version) is the identity a binding names.
  (t) => [uniqueIndex('forms_key_version_uq').on(t.key, t.version)],
);

export type FormRow = typeof forms.$inferSelect;
