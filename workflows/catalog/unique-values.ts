/**
 * @module 唯一性 for forms (`x-unique: "catalog"`): whether another active catalog entry holds a value in the field of
 * the same name. Provided to forms' validation as `valueTakenInCatalog` by the server's composition, so forms never
 * imports the catalog (layers: forms ← workflows ← server).
 */
import { and, eq, notInArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { catalogEntries, catalogEntryVersions } from './schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The entry columns that copy a field of the current version (indexed or at least not jsonb): the two fields the
 * county asks to be unique most often are answered without reading a version.
 */
const COPIED: Record<string, SQL> = {
  resourceCode: sql`trim(${catalogEntries.code})`,
  resourceName: sql`trim(${catalogEntries.resourceName})`,
};

/**
 * True when an active entry other than `exceptEntryIds` has `value` (compared trimmed, exactly) in its current
 * version's top-level field `field`. Retired entries (注销) are no longer in the catalog and do not count; ids that are
 * not UUIDs cannot be entries and are ignored rather than failing the query.
 */
export async function valueTakenInCatalog(
  db: DbOrTx,
  field: string,
  value: string,
  exceptEntryIds: string[] = [],
): Promise<boolean> {
  const except = exceptEntryIds.filter((id) => UUID.test(id));
  const wanted = value.trim();
  const column = COPIED[field] ?? sql`trim(${catalogEntryVersions.fields} ->> ${field})`;
  const rows = await db
    .select({ id: catalogEntries.id })
    .from(catalogEntries)
    .innerJoin(
      catalogEntryVersions,
      and(
        eq(catalogEntryVersions.entryId, catalogEntries.id),
        eq(catalogEntryVersions.version, catalogEntries.currentVersion),
      ),
    )
    .where(
      and(
        eq(catalogEntries.status, 'active'),
        sql`${column} = ${wanted}`,
        except.length ? notInArray(catalogEntries.id, except) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}
