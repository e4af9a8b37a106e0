/** @module Catalog tables: the information-system census, catalog entries, their immutable versions, and review events for statistics. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  primaryKey,
  boolean,
  date,
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
    /** 建设方式: self-built 自建, co-built 共建, deployed-from-above 上级部署 (labels in census.ts). */
    buildMode: text({ enum: ['self-built', 'co-built', 'deployed-from-above'] }),
    /** 状态: in-use 在用, stopped 停用, migrating 迁移中. */
    status: text({ enum: ['in-use', 'stopped', 'migrating'] })
      .notNull()
      .default('in-use'),
    /** 运维单位 (free text: often a company, not a county unit). */
    maintainer: text(),
    /** 上线时间, a China date YYYY-MM-DD. */
    launchDate: date({ mode: 'string' }),
    /** 部署位置: local-room 本地机房, gov-cloud 政务云. */
    deployment: text({ enum: ['local-room', 'gov-cloud'] }),
    /** 是否已迁入县平台. */
    onCountyPlatform: boolean().notNull().default(false),
    /** A retired system stays in the census for history; it no longer counts and takes no new entries. */
    retiredAt: tz(),
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
    // Copied from the current version (like resourceName) so filters never read jsonb.
    category: text(),
    shareType: text(),
    openType: text(),
    updateCycle: text(),
    /** Lower-cased code, resource name and data-item names of the current version: what `q` searches. */
    searchText: text().notNull().default(''),
    /** 归集 (三(四)): the last collection into the county platform, and when the next one falls due (null: 不定期). */
    lastCollectedAt: tz(),
    nextCollectionDue: tz(),
    /** The last 更新提醒 sent to the unit while stale (reminders repeat every 5 working days). */
    staleRemindedAt: tz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('catalog_entries_code_uq').on(t.code),
    index().on(t.unitId, t.status),
    index('catalog_entries_due_idx').on(t.nextCollectionDue).where(sql`${t.status} = 'active'`),
  ],
);

/** 归集记录: each time an entry's data was collected into the county platform. */
export const catalogCollections = pgTable(
  'catalog_collections',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    entryId: uuid()
      .notNull()
      .references(() => catalogEntries.id),
    unitId: text().notNull(),
    at: tz().notNull(),
    records: integer(),
    note: text(),
    recordedBy: text().notNull(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [index().on(t.entryId, t.at)],
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
    /** Every registration field, data items included (docs/processes.md field list). */
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

/**
 * The data-item names of each entry's current version, one row per distinct name: 一数一源 (不得重复采集) asks
 * which other entries carry an item of the same name, an exact, indexed lookup instead of a scan of every version.
 */
export const catalogEntryItemNames = pgTable(
  'catalog_entry_item_names',
  {
    entryId: uuid()
      .notNull()
      .references(() => catalogEntries.id),
    name: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.name] }), index().on(t.name)],
);
