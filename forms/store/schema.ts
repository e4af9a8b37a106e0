/** @module The forms tables: every saved version of a JSON-Schema form (immutable), and uploaded attachments. */
import {
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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

/** bytea as a Buffer on both drivers (pg gives Buffers, PGlite Uint8Arrays). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array | string }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) =>
    typeof value === 'string' ? Buffer.from(value.replace(/^\\x/, ''), 'hex') : Buffer.from(value),
});

/**
 * Files attached to form data (`x-attachment`). Stored in the database so that backups, replicas and several
 * server processes need nothing else; the size limit keeps rows small. No foreign keys: forms knows no users.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** Derived from the checked file type, never taken from the client. */
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    /** The data key that sealed `content` (AES-256-GCM, platform/crypto); null = stored as uploaded (encryption off). */
    keyId: text(),
    ownerUsername: text().notNull(),
    ownerUnitId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerUsername)],
);

export type AttachmentRow = typeof attachments.$inferSelect;
