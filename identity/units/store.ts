/** @module Unit queries (units are data, docs/api.md "Units"): list, find by code, insert, patch, and the active check. */
import { asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { units } from '../schema';

export type UnitKind = (typeof units.$inferSelect)['kind'];
export const UNIT_KINDS: readonly UnitKind[] = ['authority', 'department', 'town', 'public-service'];

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  active: boolean;
  example: boolean;
}

const columns = {
  id: units.id,
  // The id is the code: short, stable, typed by people in workbooks, never changed.
  code: units.id,
  name: units.name,
  kind: units.kind,
  active: units.active,
  example: units.example,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every unit, inactive ones included (their history still names them); `q` matches code or name. */
export async function listUnitRows(db: DbOrTx, q?: string): Promise<UnitRow[]> {
  const t = q?.trim();
  return db
    .select(columns)
    .from(units)
    .where(t ? or(ilike(units.name, `%${escapeLike(t)}%`), ilike(units.id, `%${escapeLike(t)}%`)) : undefined)
    .orderBy(asc(units.sortOrder), asc(units.name));
}

export async function findUnitRow(db: DbOrTx, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select(columns).from(units).where(eq(units.id, id));
  return row;
}

/** Codes are compared case-insensitively: `GAJ` and `gaj` would be the same unit to a reader. */
export async function findUnitByCodeInsensitive(db: DbOrTx, code: string): Promise<UnitRow | undefined> {
  const [row] = await db.select(columns).from(units).where(sql`lower(${units.id}) = lower(${code})`).limit(1);
  return row;
}

export async function findUnitByName(db: DbOrTx, name: string): Promise<UnitRow | undefined> {
  const [row] = await db.select(columns).from(units).where(eq(units.name, name)).limit(1);
  return row;
}

export async function nextSortOrder(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${units.sortOrder}), -1) + 1` }).from(units);
  return Number(row?.n ?? 0);
}

export async function insertUnits(
  db: DbOrTx,
  rows: { id: string; name: string; kind: UnitKind; sortOrder: number; example?: boolean }[],
) {
  if (rows.length) await db.insert(units).values(rows);
}

export async function updateUnitRow(
  db: DbOrTx,
  id: string,
  patch: { name?: string; kind?: UnitKind; active?: boolean },
) {
  await db
    .update(units)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(units.id, id));
}

/** The units among `ids` that exist and are inactive. */
export async function inactiveAmong(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: units.id, active: units.active })
    .from(units)
    .where(inArray(units.id, ids));
  return new Set(rows.filter((r) => !r.active).map((r) => r.id));
}
