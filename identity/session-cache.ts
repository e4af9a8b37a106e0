/**
 * @module A short memory of resolved sessions, one per database handle (so two app instances in one test process
 * behave as two server processes). Every /api request resolves its token; a burst from one user then costs one
 * lookup instead of one each. Revocation (logout, disable, roles, password) evicts the user's entries at once in
 * the writing process and, through NOTIFY (session-revocation.ts), in every other process; TTL_MS bounds what a
 * notification lost during a reconnect could leave behind.
 */
import type { SessionUser } from './types';

const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  user: SessionUser;
  until: number;
  expiresAt: number;
  lastSeenAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  get(tokenHash: string, now: number, idleMs: number): Entry | undefined {
    const hit = this.entries.get(tokenHash);
    if (!hit) return undefined;
    if (hit.until <= now || hit.expiresAt <= now || hit.lastSeenAt + idleMs <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return hit;
  }

  set(tokenHash: string, user: SessionUser, expiresAt: Date, lastSeenAt: Date, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, {
      user,
      until: now + TTL_MS,
      expiresAt: expiresAt.getTime(),
      lastSeenAt: lastSeenAt.getTime(),
    });
  }

  evictUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<object, SessionCache>();

/** The cache of one database handle (a transaction handle gets its own, empty and harmless). */
export function sessionCacheOf(db: object): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SessionCache();
    caches.set(db, cache);
  }
  return cache;
}
