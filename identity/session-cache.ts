/**
 * @module A two-second memory of resolved sessions. Every /api request resolves its token; a burst of requests from
 * one user (the inbox loading, a supervisor paging) then costs one lookup instead of one each. Any change to
 * users, roles or sessions in this process empties it at once; another server process may keep serving a revoked
 * token for at most TTL_MS, the price of not asking PostgreSQL on every request.
 */
import type { SessionUser } from './types';

const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;
const entries = new Map<string, { user: SessionUser; until: number; expiresAt: number }>();

export function cachedSessionUser(tokenHash: string, now: number): SessionUser | undefined {
  const hit = entries.get(tokenHash);
  if (!hit) return undefined;
  if (hit.until <= now || hit.expiresAt <= now) {
    entries.delete(tokenHash);
    return undefined;
  }
  return hit.user;
}

export function rememberSessionUser(
  tokenHash: string,
  user: SessionUser,
  expiresAt: Date,
  now: number,
): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(tokenHash, { user, until: now + TTL_MS, expiresAt: expiresAt.getTime() });
}

/** Called by every identity write (logout, disable, roles, password, unit): the next request asks the database. */
export function forgetSessions(): void {
  entries.clear();
}
