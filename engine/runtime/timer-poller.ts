/**
 * @module Fires due timers. Pollers in any number of processes claim batches with `FOR UPDATE SKIP LOCKED`
 * (plus a lease); each timer then fires in its own transaction that row-locks it and re-checks `scheduled`,
 * so a timer fires once even when two firers reach it. Cycle timers move to their next due time. Each pass also
 * sweeps the message buffer (runtime/message-buffer.ts): expired messages are dropped there, by whichever process.
 */
import { rawQuery } from '../../platform/db/raw';
import { claimDueTimers, finishTimer, loadInstance, lockTimer } from '../store';
import { nextCycleDue } from './cycle';
import { definitionById } from './definitions';
import { isWindingDown } from './loop';
import { sweepBufferedMessages } from './message-buffer';
import { bufferFnsOf, createInstance, stepInstance } from './step';
import { inTransaction } from './transaction';
import type { RuntimeContext } from './types';

/** A claim keeps other pollers off a timer until it fires; a claimer that died hands it on after this (HUILIU_TIMER_LEASE_MS). */
const LEASE_MS = Number(process.env.HUILIU_TIMER_LEASE_MS) || 60_000;

/** Fires one timer; false when it was not (or no longer) due and scheduled. */
export async function fireTimer(rt: RuntimeContext, id: string): Promise<boolean> {
  return inTransaction(rt, async (tx) => {
    const timer = await lockTimer(tx, id);
    const now = rt.clock.now();
    if (timer?.status !== 'scheduled' || timer.dueAt > now) return false;
    const next = timer.cycle ? nextCycleDue(timer.cycle, timer.dueAt, timer.repetitionsLeft, now) : null;
    const at = now.toISOString();
    if (timer.instanceId) {
      const instance = await loadInstance(tx, timer.instanceId);
      const event = {
        type: 'timer.fire' as const,
        timerKey: timer.timerKey,
        elementId: timer.elementId,
        activation: timer.activation,
        ...(timer.loopIndex !== null ? { loopIndex: timer.loopIndex } : {}),
        at,
      };
      // A stale timer (its activity already left) matches nothing in the engine: it is spent all the same.
      if (instance) await stepInstance(rt, tx, instance, event, { ignoreRejected: true });
    } else if (timer.definitionId) {
      const def = await definitionById(rt, tx, timer.definitionId);
      // A timer-started instance is numbered too (in this transaction: a rolled-back fire gives its number back).
      const businessKey = await rt.hooks.businessKeyFor?.({
        db: tx,
        processKey: def.key,
        definitionId: def.id,
        xml: def.xml,
        at: now,
      });
      await createInstance(rt, tx, def, { variables: {}, startEventId: timer.elementId, businessKey });
    }
    await finishTimer(tx, id, next);
    return true;
  });
}

/**
 * Claims and fires every timer due at `now`, batch after batch; returns how many fired. `ignoreLeases` (an explicit
 * call such as the test clock's) also takes rows another poller leased but has not fired yet: the per-timer row
 * lock and status check keep that to one fire.
 */
export async function fireDueTimers(
  rt: RuntimeContext,
  now: Date = rt.clock.now(),
  options: { batchSize?: number; ignoreLeases?: boolean } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  let fired = 0;
  // Before the timers: a message that expires at `now` must not be delivered by a step a timer fires.
  // A failing sweep (one bad message) must not keep the timers from firing.
  await sweepBufferedMessages(rt, now, bufferFnsOf(rt)).catch((e: Error) =>
    console.error('[runtime] message buffer sweep failed:', e.message),
  );
  for (;;) {
    // Leases are wall-clock times; "now" far in the future treats every lease as expired.
    const leaseNow = options.ignoreLeases ? new Date('9999-12-31T00:00:00Z') : new Date();
    const lease = { now: leaseNow, until: new Date(Date.now() + LEASE_MS) };
    const ids = await claimDueTimers(rt.db, now, lease, batchSize);
    for (const [i, id] of ids.entries()) {
      if (isWindingDown(rt)) {
        await releaseTimers(rt, ids.slice(i));
        return fired;
      }
      if (await fireTimer(rt, id)) fired++;
    }
    if (ids.length < batchSize || isWindingDown(rt)) return fired;
  }
}

/** Hands claimed, unfired timers back (graceful stop) so another process fires them now, not after the lease. */
async function releaseTimers(rt: RuntimeContext, ids: string[]): Promise<void> {
  await rawQuery(
    rt.db,
    `update timers set claimed_until = null where id = any($1::text::uuid[]) and status = 'scheduled'`,
    [`{${ids.join(',')}}`],
  );
}
