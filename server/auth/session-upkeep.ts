/**
 * @module Session upkeep for one server process: the revocation listener (NOTIFY from any process evicts the
 * session cache here) and a periodic purge of expired and idle sessions. The purge is a plain DELETE by time, so
 * several processes running it at once only repeat each other's work.
 */
import { purgeExpiredSessions } from '../../identity/store';
import { watchRevocations } from '../../identity/session-revocation';
import type { AppDeps } from '../deps';
import { sessionPolicy } from './session';

const PURGE_EVERY_MS = 10 * 60_000;

export async function startSessionUpkeep(deps: AppDeps): Promise<() => Promise<void>> {
  const unlisten = await watchRevocations(deps.database);
  const purge = () =>
    purgeExpiredSessions(deps.db, new Date(), sessionPolicy(deps.config)).catch((e: Error) =>
      console.warn(`[huiliu] session purge failed: ${e.message}`),
    );
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await unlisten();
  };
}
