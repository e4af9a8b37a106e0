/** @module One step = one transaction; a lost optimistic-lock race reruns it on fresh state, then answers 409. */
import { AppError } from '../../platform/errors';
import type { Tx } from '../store';
import type { RuntimeContext } from './types';

/** Thrown inside a step transaction when `UPDATE ... WHERE version = $v` matched nothing. */
export class VersionConflict extends Error {
  constructor(readonly instanceId: string) {
    super(`instance ${instanceId} was changed concurrently`);
  }
}

// serialization_failure, deadlock_detected
const RETRYABLE_PG_CODES = new Set(['40001', '40P01']);
/** Deployments number versions as max + 1: two racing deploys of one key collide on the unique (key, version). */
export const RETRY_ON_UNIQUE = new Set([...RETRYABLE_PG_CODES, '23505']);

function isRetryable(e: unknown, codes: Set<string>): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof VersionConflict) return true;
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function inTransaction<T>(
  rt: RuntimeContext,
  fn: (tx: Tx) => Promise<T>,
  attempts = 8,
  codes: Set<string> = RETRYABLE_PG_CODES,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await rt.db.transaction(fn as never);
      if (rt.jobsCreated) {
        rt.jobsCreated = false;
        rt.onJobsCreated();
      }
      return result as T;
    } catch (e) {
      if (!isRetryable(e, codes)) throw e;
      if (attempt >= attempts) {
        throw new AppError('CONFLICT', '数据已被他人同时修改，请刷新后重试', {
          messageEn: 'The instance was changed concurrently; reload and try again',
          cause: e,
        });
      }
      // Jittered backoff so racing steps spread out instead of colliding again in lock-step.
      await sleep(Math.random() * 2 ** Math.min(attempt, 6));
    }
  }
}
