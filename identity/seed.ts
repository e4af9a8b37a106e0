/** @module Seeds the county's units (always, idempotent) and the demo users (only where API.md says). */
import type { Db } from '../platform/db/db';
import { COUNTY_UNITS, DEMO_USERS } from './county-units';
import { hashPassword } from './password';
import { units, userRoles, users } from './schema';
import { countUsers } from './store';

/** Units are reference data every deployment needs; inserting them twice changes nothing. */
export async function seedUnits(db: Db) {
  await db
    .insert(units)
    .values(COUNTY_UNITS.map((u, i) => ({ ...u, sortOrder: i })))
    .onConflictDoNothing();
}

/** Demo users, only into an empty user table; returns whether it seeded. */
export async function seedDemoUsers(db: Db, password: string): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const hash = await hashPassword(password); // one hash for all: the demo password is shared and public anyway
  await db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      await tx
        .insert(users)
        .values({ id: u.username, username: u.username, name: u.name, unitId: u.unitId, passwordHash: hash });
      await tx.insert(userRoles).values(u.roles.map((role) => ({ userId: u.username, role })));
    }
  });
  return true;
}
