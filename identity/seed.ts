/** @module Seeds the authority unit (always, idempotent), and with the demo data the example units and demo users (only where docs/api.md says). */
import type { Db } from '../platform/db/db';
import { AUTHORITY_UNIT, DEMO_USERS, EXAMPLE_UNITS } from './county-units';
import { hashPassword } from './password';
import { units, userRoles, users } from './schema';
import { countUsers } from './store';

/** The authority unit every deployment needs (`admin create` puts the first account there); twice changes nothing. */
export async function seedUnits(db: Db) {
  await db
    .insert(units)
    .values({ ...AUTHORITY_UNIT, sortOrder: 0 })
    .onConflictDoNothing();
}

/** 示例单位, flagged `example`: the demo users' units and a plausible county around them. Twice changes nothing. */
export async function seedExampleUnits(db: Db) {
  await db
    .insert(units)
    .values(EXAMPLE_UNITS.map((u, i) => ({ ...u, sortOrder: i, example: u.kind !== 'authority' })))
    .onConflictDoNothing();
}

/** Demo users, only into an empty user table; returns whether it seeded. */
export async function seedDemoUsers(db: Db, password: string): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  await seedExampleUnits(db);
  const hash = await hashPassword(password); // one hash for all: the demo password is shared and public anyway
  await db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      await tx.insert(users).values({
        id: u.username,
        username: u.username,
        name: u.name,
        unitId: u.unitId,
        passwordHash: hash,
        demo: true, // exempt from the forced change and second-factor enrolment (docs/api.md)
      });
      await tx.insert(userRoles).values(u.roles.map((role) => ({ userId: u.username, role })));
    }
  });
  return true;
}
