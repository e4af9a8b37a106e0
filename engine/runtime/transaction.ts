/** @module Transactions of the runtime: one try (`transactionOnce`), or with the retry rule of retry.ts (`inTransaction`). */
import type { Tx } from '../store';
import { RETRYABLE_PG_CODES, retrying } from './retry';
import type { RuntimeContext } from './types';

export { RETRY_ON_UNIQUE, VersionConflict } from './retry';

/**
 * One transaction, no retry: for a caller that already retries around it (a task completion computed its step
 * before). A step that created jobs kicks the job loop once the transaction has committed.
 */
export async function transactionOnce<T>(rt: RuntimeContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = (await rt.db.transaction(fn as never)) as T;
  if (rt.jobsCreated) {
    rt.jobsCreated = false;
    rt.onJobsCreated();
  }
  return result;
}

/** One step = one transaction; a lost optimistic-lock race reruns all of `fn` on fresh state, then answers 409. */
export function inTransaction<T>(
  rt: RuntimeContext,
  fn: (tx: Tx) => Promise<T>,
  attempts?: number,
  codes: ReadonlySet<string> = RETRYABLE_PG_CODES,
): Promise<T> {
  return retrying(() => transactionOnce(rt, fn), { attempts, codes });
}
