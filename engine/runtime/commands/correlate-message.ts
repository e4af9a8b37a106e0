/** @module correlateMessage: delivers a message (name + correlation key) to the one instance waiting for it, or starts a process on it. */
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import { listDefinitions, loadInstance, lockSubscription, markSubscriptionCorrelated } from '../../store';
import { latestDefinitionOf } from '../definitions';
import { startByMessage } from '../message-buffer';
import { bufferFnsOf, stepInstance } from '../step';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface CorrelateMessageInput {
  messageName: string;
  correlationKey?: string | null;
  variables?: Vars;
  user?: RuntimeUser;
}

export async function correlateMessage(
  rt: RuntimeContext,
  input: CorrelateMessageInput,
): Promise<{ instanceId: string; started: boolean }> {
  const variables = input.variables ?? {};
  const at = () => rt.clock.now().toISOString();
  const delivered = await inTransaction(rt, async (tx) => {
    const sub = await lockSubscription(tx, input.messageName, input.correlationKey ?? null);
    if (!sub) return null;
    const instance = await loadInstance(tx, sub.instanceId);
    if (!instance) return null;
    const event = {
      type: 'message.correlate' as const,
      messageName: input.messageName,
      variables,
      elementId: sub.elementId,
      activation: sub.activation,
      ...(sub.loopIndex !== null ? { loopIndex: sub.loopIndex } : {}),
      at: at(),
    };
    await stepInstance(rt, tx, instance, event, { actor: input.user?.username ?? null });
    await markSubscriptionCorrelated(tx, sub.id);
    return { instanceId: instance.id, started: false };
  });
  if (delivered) return delivered;

  // No instance waits: a process with a message start event for this name starts instead.
  for (const d of await listDefinitions(rt.db, { latest: true })) {
    const def = await latestDefinitionOf(rt, rt.db, d.key);
    const start = def.compiled.info.messageStarts.find((m) => m.messageName === input.messageName);
    if (!start) continue;
    const row = await inTransaction(rt, (tx) =>
      startByMessage(
        tx,
        def,
        start.elementId,
        {
          correlationKey: input.correlationKey ?? '',
          variables,
          user: input.user,
          actor: input.user?.username ?? null,
        },
        bufferFnsOf(rt),
      ),
    );
    // Zeebe's rule: an instance this key started by message still runs, so the key starts no second one.
    if (!row)
      throw new AppError(
        'CONFLICT',
        `关联键 ${input.correlationKey} 由消息启动的流程实例仍在运行，不能再次启动`,
        {
          messageEn: `An instance started by a message with correlation key ${input.correlationKey} is still running`,
        },
      );
    return { instanceId: row.id, started: true };
  }
  throw new AppError('NOT_FOUND', `没有等待消息 ${input.messageName} 的流程`, {
    messageEn: `No process waits for message ${input.messageName}`,
  });
}
