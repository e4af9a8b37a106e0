/** @module How people are named to people: 周编目（县公安局）, never the login name (issue #17 item 2). */
import { eq, inArray } from 'drizzle-orm';
import { units, users } from '../../identity/schema';
import type { DbOrTx } from '../../platform/db/db';

export interface PersonLabel {
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  /** `周编目（县公安局）`: what a record line, a task row or a notification shows. */
  label: string;
}

/** Display labels of the given usernames (unknown ones are left out: the caller shows them as they are). */
export async function peopleLabels(
  db: DbOrTx,
  usernames: Iterable<string>,
): Promise<Map<string, PersonLabel>> {
  const wanted = [...new Set(usernames)].filter((u) => u && u.length <= 200).slice(0, 500);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ username: users.username, name: users.name, unitId: users.unitId, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.username, wanted));
  return new Map(rows.map((r) => [r.username, { ...r, label: `${r.name}（${r.unitName}）` }]));
}

/** Unit id → name for the given ids. */
export async function unitNames(db: DbOrTx, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter(Boolean);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
