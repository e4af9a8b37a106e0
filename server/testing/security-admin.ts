/**
 * @module A `security` account (security.admin, demo password) in a test server's database, for the unit and import
 * tests. The demo data of #12 seeds one; until then (and on any database without it) this inserts it, marked demo
 * so the forced password change and second-factor enrolment leave the test alone.
 */
import { hashPassword } from '../../identity/password';
import { userRoles, users } from '../../identity/schema';
import type { TestServer } from './test-server';

export async function ensureSecurityAdmin(server: TestServer, username = 'security'): Promise<string> {
  const db = server.deps.db;
  const passwordHash = await hashPassword('huiliu-demo');
  await db
    .insert(users)
    .values({ id: username, username, name: '安全管理员', unitId: 'dsj', passwordHash, demo: true })
    .onConflictDoNothing();
  await db.insert(userRoles).values({ userId: username, role: 'security.admin' }).onConflictDoNothing();
  return username;
}
