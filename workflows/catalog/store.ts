/** @module Catalog queries: census rows, entries with their versions, the change lock, and review events. */
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { units } from '../../identity/schema';
import type { EntryFields } from './fields';
import { openSensitiveItems, sealSensitiveItems } from './sensitive-items';
import { catalogEntries, catalogEntryVersions, catalogEvents, informationSystems } from './schema';

export type CatalogEventKind = (typeof catalogEvents.$inferInsert)['kind'];

export async function listSystems(db: DbOrTx, unitId?: string) {
  return db
    .select()
    .from(informationSystems)
    .where(unitId ? eq(informationSystems.unitId, unitId) : undefined)
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

export async function insertSystem(
  db: DbOrTx,
  row: { unitId: string; name: string; description?: string | null },
) {
  const [created] = await db.insert(informationSystems).values(row).returning();
  return created;
}

export async function updateSystem(
  db: DbOrTx,
  id: string,
  patch: { name?: string; description?: string | null },
) {
  const [updated] = await db
    .update(informationSystems)
    .set(patch)
    .where(eq(informationSystems.id, id))
    .returning();
  return updated;
}

export interface EntryFilter {
  id?: string;
  unitId?: string;
  q?: string;
  status?: 'active' | 'retired';
  limit?: number;
  offset?: number;
}

function entryWhere(f: EntryFilter) {
  const conds: (SQL | undefined)[] = [f.unitId ? eq(catalogEntries.unitId, f.unitId) : undefined];
  if (f.id) conds.push(eq(catalogEntries.id, f.id));
  if (f.status) conds.push(eq(catalogEntries.status, f.status));
  if (f.q)
    conds.push(or(ilike(catalogEntries.resourceName, `%${f.q}%`), ilike(catalogEntries.code, `%${f.q}%`)));
  return and(...conds);
}

export async function listEntryRows(db: DbOrTx, f: EntryFilter) {
  return db
    .select({ entry: catalogEntries, unitName: units.name })
    .from(catalogEntries)
    .innerJoin(units, eq(units.id, catalogEntries.unitId))
    .where(entryWhere(f))
    .orderBy(asc(catalogEntries.code))
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0);
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
