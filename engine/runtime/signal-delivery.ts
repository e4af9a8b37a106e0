/**
 * @module Delivering a signal: it reaches every waiting signal catch event and boundary (in every instance) and starts
 * every latest process version with a signal start event of that name, inside the caller's transaction. Used by
 * POST /api/signals (commands/broadcast-signal.ts) and after a step whose throw emitted `signal.broadcast` (step.ts),
 * so the thrower's own catches hear it too. The step functions come in as parameters: step.ts calls this module.
 */
import type { BufferFns } from './message-buffer';
import type { EngineEvent, Vars } from '../contract';
import {
  listDefinitions,
  loadInstance,
  lockWaitingSubscriptions,
  markSubscriptionCorrelated,
  type Tx,
} from '../store';
import { AppError } from '../../platform/errors';
import { latestDefinitionOf } from './definitions';
import type { RuntimeContext, RuntimeUser } from './types';

export interface SignalInput {
  signalName: string;
  variables?: Vars;
  user?: RuntimeUser;
  /** Who caused it when no user does (the thrower's actor). */
  actor?: string | null;
}

/**
 * Signals delivered inside one transaction, nested: a process whose signal end starts (or reaches) a process that
 * throws the same signal again would recurse without end in one transaction, so a chain deeper than this is refused
 * (the whole transaction rolls back).
 */
const MAX_DEPTH = 16;
const depthOf = new WeakMap<object, number>();

/** How many catch events, boundaries and start events the signal triggered (0: nobody listens, not an error). */
export async function deliverSignal(
  rt: RuntimeContext,
  tx: Tx,
  input: SignalInput,
  fns: BufferFns,
): Promise<{ triggered: number }> {
  const depth = depthOf.get(tx) ?? 0;
  if (depth >= MAX_DEPTH)
    throw new AppError(
      'CONFLICT',
      `信号 ${input.signalName} 的传递层级超过 ${MAX_DEPTH} 层，流程之间可能形成了信号循环`,
      {
        messageEn: `Signal ${input.signalName} was relayed more than ${MAX_DEPTH} levels deep: the processes may form a signal loop`,
      },
    );
  depthOf.set(tx, depth + 1);
  try {
    return await deliver(rt, tx, input, fns);
  } finally {
    depthOf.set(tx, depth);
  }
}

async function deliver(
  rt: RuntimeContext,
  tx: Tx,
  input: SignalInput,
  fns: BufferFns,
): Promise<{ triggered: number }> {
  const variables = input.variables ?? {};
  const actor = input.user?.username ?? input.actor ?? null;
  const at = rt.clock.now().toISOString();
  let triggered = 0;
  for (const sub of await lockWaitingSubscriptions(tx, 'signal', input.signalName)) {
    // Read per subscription: an earlier delivery may have stepped the same instance (and closed this catch).
    const instance = await loadInstance(tx, sub.instanceId);
    if (!instance || instance.status === 'completed' || instance.status === 'cancelled') continue;
    const event: EngineEvent = {
      type: 'message.correlate',
      messageName: input.signalName,
      variables,
      elementId: sub.elementId,
      activation: sub.activation,
      ...(sub.loopIndex !== null ? { loopIndex: sub.loopIndex } : {}),
      at,
    };
    const out = await fns.step(tx, instance, event, { actor, ignoreRejected: true });
    await markSubscriptionCorrelated(tx, sub.id);
    if (!out.rejected) triggered++;
  }
  for (const d of await listDefinitions(tx, { latest: true })) {
    const def = await latestDefinitionOf(rt, tx, d.key);
    for (const start of def.compiled.info.signalStarts ?? []) {
      if (start.signalName !== input.signalName) continue;
      const user = input.user;
      await fns.create(tx, def, {
        variables: user
          ? { ...variables, initiator: user.username, initiatorUnitId: user.unitId }
          : variables,
        actor,
        unitId: user?.unitId ?? null,
        startEventId: start.elementId,
      });
      triggered++;
    }
  }
  return { triggered };
}
