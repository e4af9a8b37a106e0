/** @module Catalog queries: census rows, entries with their versions, the change lock, and review events. */
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNull,
  lt,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { units } from '../../identity/schema';
import { dataItemNames, type EntryFields, entryColumnsOf } from './fields';
import { openSensitiveItems, sealSensitiveItems } from './sensitive-items';
import { nextCollectionDue } from './update-cycle';
import {
  catalogEntries,
  catalogEntryItemNames,
  catalogEntryVersions,
  catalogEvents,
  informationSystems,
} from './schema';

export type CatalogEventKind = (typeof catalogEvents.$inferInsert)['kind'];

export async function listSystems(db: DbOrTx, unitId?: string, opts: { includeRetired?: boolean } = {}) {
  return db
    .select()
    .from(informationSystems)
    .where(
      and(
        unitId ? eq(informationSystems.unitId, unitId) : undefined,
        opts.includeRetired ? undefined : isNull(informationSystems.retiredAt),
      ),
    )
    .orderBy(asc(informationSystems.unitId), asc(informationSystems.name));
}

export async function findSystem(db: DbOrTx, id: string) {
  const [row] = await db.select().from(informationSystems).where(eq(informationSystems.id, id));
  return row;
}

export async function findSystemByName(db: DbOrTx, unitId: string, name: string) {
  const [row] = await db
    .select()
    .from(informationSystems)
    .where(and(eq(informationSystems.unitId, unitId), eq(informationSystems.name, name)));
  return row;
}

export type SystemRow = typeof informationSystems.$inferSelect;
/** A census row as written: unit and name required, the census columns optional (import and API share it). */
export type SystemWrite = Omit<typeof informationSystems.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertSystem(db: DbOrTx, row: SystemWrite) {
  const [created] = await db.insert(informationSystems).values(row).returning();
  return created;
}

export async function updateSystem(db: DbOrTx, id: string, patch: Partial<Omit<SystemWrite, 'unitId'>>) {
  const [updated] = await db
    .update(informationSystems)
    .set(patch)
    .where(eq(informationSystems.id, id))
    .returning();
  return updated;
}

export async function activeEntryCodesOfSystem(db: DbOrTx, systemId: string): Promise<string[]> {
  const rows = await db
    .select({ code: catalogEntries.code })
    .from(catalogEntries)
    .where(and(eq(catalogEntries.systemId, systemId), eq(catalogEntries.status, 'active')))
    .orderBy(asc(catalogEntries.code));
  return rows.map((r) => r.code);
}

/** Systems not retired that no active entry names (普查无遗漏 report), with the unit's name. */
export async function listSystemsWithoutEntries(db: DbOrTx, unitId?: string) {
  const named = db
    .select({ one: sql`1` })
    .from(catalogEntries)
    .where(and(eq(catalogEntries.systemId, informationSystems.id), eq(catalogEntries.status, 'active')));
  return db
    .select({ system: informationSystems, unitName: units.name })
    .from(informationSystems)
    .innerJoin(units, eq(units.id, informationSystems.unitId))
    .where(
      and(
        unitId ? eq(informationSystems.unitId, unitId) : undefined,
        isNull(informationSystems.retiredAt),
        notExists(named),
      ),
    )
    .orderBy(asc(informationSystems.unitId), asc(informationSystems.name));
}

export interface EntryFilter {
  id?: string;
  unitId?: string;
  /** Substring of the code, the resource name or any data item's name (case-insensitive). */
  q?: string;
  category?: string;
  sharing?: string;
  opening?: string;
  systemId?: string;
  status?: 'active' | 'retired';
  /** Only active entries whose next collection is overdue at `now`. */
  stale?: boolean;
  now?: Date;
  limit?: number;
  offset?: number;
}

function entryWhere(f: EntryFilter) {
  const e = catalogEntries;
  const conds: (SQL | undefined)[] = [f.unitId ? eq(e.unitId, f.unitId) : undefined];
  if (f.id) conds.push(eq(e.id, f.id));
  if (f.status) conds.push(eq(e.status, f.status));
  if (f.category) conds.push(eq(e.category, f.category));
  if (f.sharing) conds.push(eq(e.shareType, f.sharing));
  if (f.opening) conds.push(eq(e.openType, f.opening));
  if (f.systemId) conds.push(eq(e.systemId, f.systemId));
  if (f.stale) conds.push(eq(e.status, 'active'), lt(e.nextCollectionDue, f.now ?? new Date()));
  const q = f.q?.trim().toLowerCase();
  // strpos, not LIKE: no wildcard escaping, and a plain scan of one short text column per entry is fast enough
  // at county scale (bench/catalog.ts: 20,000 entries × 20 items).
  if (q) conds.push(sql`strpos(${e.searchText}, ${q}) > 0`);
  return and(...conds);
}

/** Every entry column but the search text (wide, and only ever read by the `q` filter). */
const { searchText: _searchText, ...entryColumns } = getTableColumns(catalogEntries);

/**
 * The page's ids first (narrow: the code index or the filter's, no join, no wide rows sorted), then those rows with
 * their unit's name: at 20,000 entries the join-then-sort of whole rows was most of the list's time.
 */
export async function listEntryRows(db: DbOrTx, f: EntryFilter) {
  const ids = await db
    .select({ id: catalogEntries.id })
    .from(catalogEntries)
    .where(entryWhere(f))
    .orderBy(asc(catalogEntries.code))
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0);
  if (ids.length === 0) return [];
  return db
    .select({ entry: entryColumns, unitName: units.name })
    .from(catalogEntries)
    .innerJoin(units, eq(units.id, catalogEntries.unitId))
    .where(
      inArray(
        catalogEntries.id,
        ids.map((r) => r.id),
      ),
    )
    .orderBy(asc(catalogEntries.code));
}

export async function countEntryRows(db: DbOrTx, f: EntryFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(catalogEntries).where(entryWhere(f));
  return row?.n ?? 0;
}

export async function findEntry(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ entry: catalogEntries, unitName: units.name })
    .from(catalogEntries)
    .innerJoin(units, eq(units.id, catalogEntries.unitId))
    .where(eq(catalogEntries.id, id));
  return row;
}

export async function findEntryByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(catalogEntries).where(eq(catalogEntries.code, code));
  return row;
}

export async function listVersions(db: DbOrTx, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  const rows = await db
    .select()
    .from(catalogEntryVersions)
    .where(inArray(catalogEntryVersions.entryId, entryIds))
    .orderBy(asc(catalogEntryVersions.entryId), desc(catalogEntryVersions.version));
  return rows.map((r) => ({ ...r, fields: openSensitiveItems(r.fields) }));
}

export async function findVersion(db: DbOrTx, entryId: string, version: number) {
  const [row] = await db
    .select()
    .from(catalogEntryVersions)
    .where(and(eq(catalogEntryVersions.entryId, entryId), eq(catalogEntryVersions.version, version)));
  return row && { ...row, fields: openSensitiveItems(row.fields) };
}

export async function insertEntry(db: DbOrTx, row: typeof catalogEntries.$inferInsert) {
  const [created] = await db.insert(catalogEntries).values(row).returning();
  return created;
}

export async function insertVersion(
  db: DbOrTx,
  row: {
    entryId: string;
    version: number;
    fields: EntryFields;
    publishedAt: Date;
    publishedBy?: string;
    instanceId?: string;
  },
) {
  // 是否敏感 data items are stored sealed when HUILIU_DATA_KEY is set (encryption at rest)
  await db.insert(catalogEntryVersions).values({ ...row, fields: sealSensitiveItems(row.fields) });
}

export async function updateEntry(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof catalogEntries.$inferInsert>,
) {
  await db.update(catalogEntries).set(patch).where(eq(catalogEntries.id, id));
}

export interface PublishInput {
  fields: EntryFields;
  publishedAt: Date;
  publishedBy?: string;
  instanceId?: string;
}

/**
 * An entry is born at version 1 (registration, import, demo): the entry row with its filter and search columns
 * and its first collection deadline (the cycle counts from publication until a collection is recorded).
 */
export async function createEntry(
  db: DbOrTx,
  input: PublishInput & {
    code: string;
    unitId: string;
    systemId: string | null;
    registeredInstanceId?: string;
  },
) {
  const columns = entryColumnsOf(input.code, input.fields);
  const entry = await insertEntry(db, {
    code: input.code,
    unitId: input.unitId,
    systemId: input.systemId,
    currentVersion: 1,
    registeredInstanceId: input.registeredInstanceId,
    ...columns,
    nextCollectionDue: nextCollectionDue(input.publishedAt, columns.updateCycle),
  });
  await insertVersion(db, { entryId: entry.id, version: 1, ...input });
  await replaceItemNames(db, entry.id, input.fields);
  return entry;
}

/**
 * Publishes the entry's next immutable version (a change, a re-import) and keeps its columns in step; a changed
 * cycle moves the deadline, counted from the last collection or else the first publication.
 */
export async function publishNextVersion(
  db: DbOrTx,
  entry: typeof catalogEntries.$inferSelect,
  input: PublishInput & { systemId?: string | null },
) {
  const version = entry.currentVersion + 1;
  const { systemId, ...publish } = input;
  await insertVersion(db, { entryId: entry.id, version, ...publish });
  const columns = entryColumnsOf(entry.code, input.fields);
  const patch: Partial<typeof catalogEntries.$inferInsert> = {
    currentVersion: version,
    ...columns,
    openChangeInstanceId: null,
  };
  if (systemId !== undefined) patch.systemId = systemId;
  if (columns.updateCycle !== entry.updateCycle) {
    const base =
      entry.lastCollectedAt ?? (await findVersion(db, entry.id, 1))?.publishedAt ?? input.publishedAt;
    patch.nextCollectionDue = nextCollectionDue(base, columns.updateCycle);
  }
  await updateEntry(db, entry.id, patch);
  await replaceItemNames(db, entry.id, input.fields);
  return version;
}

/** Keeps `catalog_entry_item_names` equal to the current version's distinct data-item names. */
async function replaceItemNames(db: DbOrTx, entryId: string, fields: EntryFields) {
  await db.delete(catalogEntryItemNames).where(eq(catalogEntryItemNames.entryId, entryId));
  const names = new Set(dataItemNames(fields).filter(Boolean));
  if (names.size > 0)
    await db.insert(catalogEntryItemNames).values([...names].map((name) => ({ entryId, name })));
}

/** Active entries of other units carrying a data item of one of these names (一数一源), with the matching names. */
export async function findEntriesWithItemNames(db: DbOrTx, names: string[], excludeUnitId?: string) {
  if (names.length === 0) return [];
  const e = catalogEntries;
  return db
    .select({
      name: catalogEntryItemNames.name,
      entryId: e.id,
      code: e.code,
      resourceName: e.resourceName,
      unitId: e.unitId,
      unitName: units.name,
    })
    .from(catalogEntryItemNames)
    .innerJoin(e, eq(e.id, catalogEntryItemNames.entryId))
    .innerJoin(units, eq(units.id, e.unitId))
    .where(
      and(
        inArray(catalogEntryItemNames.name, names),
        eq(e.status, 'active'),
        excludeUnitId ? ne(e.unitId, excludeUnitId) : undefined,
      ),
    )
    .orderBy(asc(catalogEntryItemNames.name), asc(e.code));
}

/** Takes the change lock unless another instance holds it; returns whether this instance holds it now. */
export async function lockEntryForChange(db: DbOrTx, entryId: string, instanceId: string): Promise<boolean> {
  const taken = await db
    .update(catalogEntries)
    .set({ openChangeInstanceId: instanceId })
    .where(
      and(
        eq(catalogEntries.id, entryId),
        eq(catalogEntries.status, 'active'),
        or(isNull(catalogEntries.openChangeInstanceId), eq(catalogEntries.openChangeInstanceId, instanceId)),
      ),
    )
    .returning({ id: catalogEntries.id });
  return taken.length === 1;
}

/** Releases the lock held by this instance (a no-op when another instance or nobody holds it). */
export async function releaseEntryLock(db: DbOrTx, instanceId: string) {
  await db
    .update(catalogEntries)
    .set({ openChangeInstanceId: null })
    .where(eq(catalogEntries.openChangeInstanceId, instanceId));
}

export async function recordCatalogEvent(db: DbOrTx, row: typeof catalogEvents.$inferInsert) {
  await db.insert(catalogEvents).values(row);
}
