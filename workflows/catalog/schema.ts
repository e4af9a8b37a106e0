/** @module Catalog tables: the information-system census, catalog entries, their immutable versions, and review events for statistics. */
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Json } from '../../engine/contract';
import { timestamps, tz } from '../../platform/db/db';
import { units } from '../../identity/schema';

/** 信息系统普查: each unit lists its information systems; catalog entries name one. */
export const informationSystems = pgTable(
  'information_systems',
  {
    id: uuid().primaryKey().defaultRandom(),
    unitId: text()
      .notNull()
      .references(() => units.id),
    name: text().notNull(),
    description: text(),
    ...timestamps,
  },
  (t) => [unique('information_systems_unit_name_uq').on(t.unitId, t.name)],
);

/** A catalog entry (目录条目): the stable identity; its content lives in versions. */
export const catalogEntries = pgTable(
  'catalog_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** 信息资源代码, unique county-wide. */
    code: text().notNull(),
    unitId: text()
      .notNull()
      .references(() => units.id),
    systemId: uuid().references(() => informationSystems.id),
    /** Copied from the current version so lists and search never read jsonb. */
    resourceName: text().notNull(),
    status: text({ enum: ['active', 'retired'] })
      .notNull()
      .default('active'),
    currentVersion: integer().notNull().default(1),
    /** The open catalog-change instance; a second change is refused while set. */
    openChangeInstanceId: uuid(),
    registeredInstanceId: uuid(),
    retiredAt: tz(),
    ...timestamps,
  },
  (t) => [uniqueIndex('catalog_entries_code_uq').on(t.code), index().on(t.unitId, t.status)],
);

/** A published version: immutable; a change publishes the next one. */
export const catalogEntryVersions = pgTable(
  'catalog_entry_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => catalogEntries.id),
    version: integer().notNull(),
    /** Every registration field, data items included (PROCESSES.md field list). */
    fields: jsonb().$type<Record<string, Json>>().notNull(),
    publishedAt: tz().notNull(),
    publishedBy: text(),
    instanceId: uuid(),
  },
  (t) => [uniqueIndex('catalog_entry_versions_entry_version_uq').on(t.entryId, t.version)],
);

/** Append-only facts for statistics (registered, changed, retired, returned, rejected), per unit and time. */
export const catalogEvents = pgTable(
  'catalog_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    unitId: text().notNull(),
    entryId: uuid(),
    instanceId: uuid(),
    processKey: text().notNull(),
    kind: text({ enum: ['registered', 'changed', 'retired', 'returned', 'rejected'] }).notNull(),
    at: tz().notNull(),
  },
  (t) => [index().on(t.at, t.unitId)],
);
