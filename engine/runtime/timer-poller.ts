/**
 * @module Fires due timers. Pollers in any number of processes claim batches with `FOR UPDATE SKIP LOCKED`
 * (plus a lease); each timer then fires in its own transaction that row-locks it and re-checks `scheduled`,
 * so a timer fires once even when two firers reach it. Cycle timers move to their next due time.
 */
import { claimDueTimers, finishTimer, loadInstance, lockTimer } from '../store';
import { nextCycleDue } from './cycle';
import { definitionById } from './definitions';
import { createInstance, stepInstance } from './step';
import { inTransaction } from './transaction';
import type { RuntimeContext } from './types';

const LEASE_MS = 60_000;

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
      await createInstance(rt, tx, def, { variables: {}, startEventId: timer.elementId });
    }
    await finishTimer(tx, id, next);
    return true;
  });
}

/** Claims and fires every timer due at `now`, batch after batch; returns how many fired. */
export async function fireDueTimers(
  rt: RuntimeContext,
  now: Date = rt.clock.now(),
  batchSize = 100,
): Promise<number> {
  let fired = 0;
  for (;;) {
    const wall = new Date();
    const ids = await claimDueTimers(
      rt.db,
      now,
      { now: wall, until: new Date(wall.getTime() + LEASE_MS) },
      batchSize,
    );
    for (const id of ids) if (await fireTimer(rt, id)) fired++;
    if (ids.length < batchSize) return fired;
  }
}
