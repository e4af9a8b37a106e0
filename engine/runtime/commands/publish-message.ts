/**
 * @module publishMessage: Camunda 8's message publication. The message is correlated to every instance that waits
 * for this name with this correlation key (once per instance: its oldest matching subscription), and starts every
 * latest process version with a message start event of that name (the correlation key becomes its business key).
 * Nothing waits → `{correlated: 0}`: as in Zeebe without a time to live, the message is dropped.
 */
import type { Vars } from '../../contract';
import {
  listDefinitions,
  loadInstance,
  lockWaitingSubscriptions,
  markSubscriptionCorrelated,
} from '../../store';
import { latestDefinitionOf } from '../definitions';
import { createInstance, stepInstance } from '../step';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface PublishMessageInput {
  messageName: string;
  correlationKey: string;
  variables?: Vars;
  user?: RuntimeUser;
}

export async function publishMessage(
  rt: RuntimeContext,
  input: PublishMessageInput,
): Promise<{ correlated: number; instanceIds: string[] }> {
  const variables = input.variables ?? {};
  const actor = input.user?.username ?? null;
  return inTransaction(rt, async (tx) => {
    const at = rt.clock.now().toISOString();
    const reached = new Set<string>();
    const subs = await lockWaitingSubscriptions(tx, 'message', input.messageName, input.correlationKey);
    for (const sub of subs) {
      if (reached.has(sub.instanceId)) continue;
      const instance = await loadInstance(tx, sub.instanceId);
      if (!instance || instance.status === 'completed' || instance.status === 'cancelled') continue;
      const out = await stepInstance(
        rt,
        tx,
        instance,
        {
          type: 'message.correlate',
          messageName: input.messageName,
          variables,
          elementId: sub.elementId,
          activation: sub.activation,
          ...(sub.loopIndex !== null ? { loopIndex: sub.loopIndex } : {}),
          at,
        },
        { actor, ignoreRejected: true },
      );
      if (out.rejected) continue;
      await markSubscriptionCorrelated(tx, sub.id);
      reached.add(sub.instanceId);
    }
    for (const d of await listDefinitions(tx, { latest: true })) {
      const def = await latestDefinitionOf(rt, tx, d.key);
      const start = def.compiled.info.messageStarts.find((m) => m.messageName === input.messageName);
      if (!start) continue;
      const user = input.user;
      const row = await createInstance(rt, tx, def, {
        variables: user
          ? { ...variables, initiator: user.username, initiatorUnitId: user.unitId }
          : variables,
        businessKey: input.correlationKey,
        actor,
        unitId: user?.unitId ?? null,
        startEventId: start.elementId,
      });
      reached.add(row.id);
    }
    return { correlated: reached.size, instanceIds: [...reached] };
  });
}
