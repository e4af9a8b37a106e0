/**
 * @module The one retry rule of the runtime's commands: a step that lost an optimistic-lock race (or a transaction
 * PostgreSQL aborted as a serialization failure or deadlock) runs again on fresh state, with jittered backoff, up to
 * 8 tries; then the caller gets 409 CONFLICT. Every command that writes a step goes through `retrying`.
 */
import { AppError } from '../../platform/errors';

/** Thrown when a step's `UPDATE … WHERE version = $v` matched nothing: another step of the instance won. */
export class VersionConflict extends Error {
  constructor(readonly instanceId: string) {
    super(`instance ${instanceId} was changed concurrently`);
  }
}

/** serialization_failure, deadlock_detected */
export const RETRYABLE_PG_CODES: ReadonlySet<string> = new Set(['40001', '40P01']);
/** Deployments number versions as max + 1: two racing deploys of one key collide on the unique (key, version). */
export const RETRY_ON_UNIQUE: ReadonlySet<string> = new Set([...RETRYABLE_PG_CODES, '23505']);

export const MAX_ATTEMPTS = 8;

/** A VersionConflict or a retryable PostgreSQL code, possibly wrapped (drizzle wraps driver errors in `cause`). */
export function isRetryable(e: unknown, codes: ReadonlySet<string> = RETRYABLE_PG_CODES): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof VersionConflict) return true;
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

export const concurrentChange = (cause?: unknown) =>
  new AppError('CONFLICT', '数据已被他人同时修改，请刷新后重试', {
    messageEn: 'The instance was changed concurrently; reload and try again',
    ...(cause ? { cause } : {}),
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `attempt` until it does not throw a retryable error. `attempt` gets its number (1, 2, …) so work that must
 * happen once (a form check) can be skipped on later tries; each try must re-read what it acts on.
 */
export async function retrying<T>(
  attempt: (n: number) => Promise<T>,
  options: { attempts?: number; codes?: ReadonlySet<string> } = {},
): Promise<T> {
  const attempts = options.attempts ?? MAX_ATTEMPTS;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!isRetryable(e, options.codes)) throw e;
      if (n >= attempts) throw concurrentChange(e);
      // Jittered backoff so racing steps spread out instead of colliding again in lock-step.
      await sleep(Math.random() * 2 ** Math.min(n, 6));
    }
  }
}
