/**
 * @module publishMessage: Camunda 8's message publication. The message is correlated to every instance that waits
 * for this name with this correlation key (once per instance: its oldest matching subscription), and starts every
 * latest process version with a message start event of that name (the correlation key becomes its business key),
 * unless an instance a message with this key started is still running (Zeebe's rule, runtime/message-buffer.ts).
 * With a time to live the message is also buffered: a subscription of another process that opens before it expires
 * still receives it. Without one, nothing waiting → `{correlated: 0}` and the message is dropped. A `messageId`
 * refuses a second publication (same name and key) while the first is buffered.
 */
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import {
  listDefinitions,
  loadInstance,
  lockWaitingSubscriptions,
  markSubscriptionCorrelated,
} from '../../store';
import { dropExpiredMessages, findLiveMessage, insertBufferedMessage } from '../../store/message-buffer';
import { latestDefinitionOf } from '../definitions';
import { startByMessage } from '../message-buffer';
import { RETRY_ON_UNIQUE } from '../retry';
import { bufferFnsOf, stepInstance } from '../step';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface PublishMessageInput {
  messageName: string;
  correlationKey: string;
  variables?: Vars;
  user?: RuntimeUser;
  /** Milliseconds the message stays buffered for subscriptions that open later (0 or none: not buffered). */
  timeToLiveMs?: number;
  /** The publisher's id for the message: a repeat while the first is buffered is refused (409). */
  messageId?: string;
}

export interface PublishedMessage {
  correlated: number;
  instanceIds: string[];
  /** The buffered message's id, when it has a time to live. */
  messageKey?: string;
}

export async function publishMessage(
  rt: RuntimeContext,
  input: PublishMessageInput,
): Promise<PublishedMessage> {
  const variables = input.variables ?? {};
  const actor = input.user?.username ?? null;
  const ttl = input.timeToLiveMs ?? 0;
  // A racing publication with the same messageId loses on the unique index; the retry then answers 409 below.
  return inTransaction(
    rt,
    async (tx) => {
      const now = rt.clock.now();
      const at = now.toISOString();
      if (input.messageId) {
        const key = {
          name: input.messageName,
          correlationKey: input.correlationKey,
          messageId: input.messageId,
        };
        await dropExpiredMessages(tx, now, key);
        if (await findLiveMessage(tx, key.name, key.correlationKey, key.messageId, now))
          throw new AppError(
            'CONFLICT',
            `消息 ${input.messageName}（关联键 ${input.correlationKey}）的编号 ${input.messageId} 已发布，且仍在缓存期内，不能重复发布`,
            {
              messageEn: `Message ${input.messageName} (correlation key ${input.correlationKey}) with id ${input.messageId} was already published and is still buffered`,
              details: { messageId: input.messageId },
            },
          );
      }
      const reached = new Set<string>();
      const reachedProcesses = new Set<string>();
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
        reachedProcesses.add(instance.processKey);
      }
      const fns = bufferFnsOf(rt);
      for (const d of await listDefinitions(tx, { latest: true })) {
        const def = await latestDefinitionOf(rt, tx, d.key);
        const start = def.compiled.info.messageStarts.find((m) => m.messageName === input.messageName);
        if (!start) continue;
        const row = await startByMessage(
          tx,
          def,
          start.elementId,
          { correlationKey: input.correlationKey, variables, user: input.user, actor },
          fns,
        );
        if (!row) continue;
        reached.add(row.id);
        reachedProcesses.add(def.key);
      }
      const out: PublishedMessage = { correlated: reached.size, instanceIds: [...reached] };
      if (ttl > 0)
        out.messageKey = await insertBufferedMessage(tx, {
          name: input.messageName,
          correlationKey: input.correlationKey,
          messageId: input.messageId ?? null,
          variables,
          reachedProcessKeys: [...reachedProcesses],
          publishedBy: actor,
          expiresAt: new Date(now.getTime() + ttl),
        });
      return out;
    },
    undefined,
    RETRY_ON_UNIQUE,
  );
}
