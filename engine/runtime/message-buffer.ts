/**
 * @module Message buffering as Zeebe does it. A message published with a time to live stays (buffered_messages) until
 * it expires; a subscription that opens meanwhile (catch event, boundary, receive task, event-subprocess start)
 * receives it at once, in the step that opened it; a message reaches each process (BPMN id) at most once. Message
 * starts follow Zeebe's key rule: while an instance a message started with a key runs, that key starts no other
 * instance of the process; a buffered message with the key starts one once it has ended (the timer poller's sweep).
 * The step functions come in as parameters: step.ts calls this module.
 */
import type { EngineEvent, Vars } from '../contract';
import {
  type DefinitionRow,
  type InstanceRow,
  listDefinitions,
  loadInstance,
  markSubscriptionCorrelated,
  type Db,
  type Tx,
} from '../store';
import {
  type BufferedMessage,
  dropExpiredMessages,
  findActiveSubscription,
  findDeliverablePairs,
  listLiveMessages,
  lockLiveMessages,
  lockMessage,
  lockMessageStartKey,
  markMessageReached,
  messageStartKeyHeld,
  setMessageStartKey,
  unmarkMessageReached,
} from '../store/message-buffer';
import { latestDefinitionOf } from './definitions';
import { inTransaction } from './transaction';
import type { RuntimeContext, RuntimeUser } from './types';

/** stepInstance and createInstance of step.ts, as the message buffer and signal delivery need them (step.ts's
 * bufferFnsOf builds it; they cannot import step.ts, which calls them). */
export interface BufferFns {
  step(
    tx: Tx,
    instance: InstanceRow,
    event: EngineEvent,
    options: { actor: string | null; ignoreRejected: true },
  ): Promise<{ rejected?: string }>;
  create(
    tx: Tx,
    def: DefinitionRow,
    input: {
      variables: Vars;
      businessKey?: string | null;
      actor: string | null;
      unitId: string | null;
      startEventId: string;
    },
  ): Promise<InstanceRow>;
}

/** A subscription row as a step writes it (engine/store/work-items.ts NewSubscription, the fields used here). */
export interface OpenedSubscription {
  subscriptionKey: string;
  messageName: string;
  correlationKey?: string | null;
  kind?: 'message' | 'signal';
}

const ENDED = new Set(['completed', 'cancelled']);

/**
 * Starts `def` at its message start `startEventId` for a message, under Zeebe's rule: a key whose last
 * message-started instance still runs (any version) starts nothing (null). The key's row stays locked until the
 * transaction ends, so two publications of one key cannot both start an instance.
 */
export async function startByMessage(
  tx: Tx,
  def: DefinitionRow,
  startEventId: string,
  message: { correlationKey: string; variables: Vars; user?: RuntimeUser; actor: string | null },
  fns: BufferFns,
): Promise<InstanceRow | null> {
  const key = message.correlationKey;
  if (key) {
    const lock = await lockMessageStartKey(tx, def.key, key);
    if (lock.status !== null && !ENDED.has(lock.status)) return null;
  }
  const user = message.user;
  const row = await fns.create(tx, def, {
    variables: user
      ? { ...message.variables, initiator: user.username, initiatorUnitId: user.unitId }
      : message.variables,
    businessKey: key || null,
    actor: message.actor,
    unitId: user?.unitId ?? null,
    startEventId,
  });
  if (key) await setMessageStartKey(tx, def.key, key, row.id);
  return row;
}

/** Delivers one buffered message through one open subscription of an instance; false when it no longer applies. */
async function deliverOne(
  rt: RuntimeContext,
  tx: Tx,
  message: BufferedMessage,
  instanceId: string,
  subscriptionKey: string,
  fns: BufferFns,
): Promise<boolean> {
  const instance = await loadInstance(tx, instanceId);
  if (!instance || ENDED.has(instance.status)) return false;
  const sub = await findActiveSubscription(tx, instanceId, subscriptionKey);
  if (!sub) return false;
  const event: EngineEvent = {
    type: 'message.correlate',
    messageName: message.name,
    variables: message.variables,
    elementId: sub.elementId,
    activation: sub.activation,
    ...(sub.loopIndex !== null ? { loopIndex: sub.loopIndex } : {}),
    at: rt.clock.now().toISOString(),
  };
  // Marked first: the step may open subscriptions again (a non-interrupting event subprocess re-arms its start),
  // and the delivery they trigger in this transaction must not hand the same message to this process twice.
  await markMessageReached(tx, message.id, instance.processKey);
  const out = await fns.step(tx, instance, event, { actor: message.publishedBy, ignoreRejected: true });
  if (out.rejected) {
    await unmarkMessageReached(tx, message.id, instance.processKey);
    return false;
  }
  await markSubscriptionCorrelated(tx, sub.id);
  return true;
}

const messageSubs = (subs: OpenedSubscription[]) =>
  subs.filter((s) => (s.kind ?? 'message') === 'message' && s.correlationKey);

/** Inside a transaction: the buffered messages these just-opened subscriptions wait for, delivered; how many. */
export async function deliverToOpened(
  rt: RuntimeContext,
  tx: Tx,
  instance: Pick<InstanceRow, 'id' | 'processKey'>,
  subs: OpenedSubscription[],
  fns: BufferFns,
): Promise<number> {
  const wanted = messageSubs(subs);
  const names = [...new Set(wanted.map((s) => s.messageName))];
  const messages = await lockLiveMessages(tx, names, rt.clock.now(), instance.processKey);
  let delivered = 0;
  for (const sub of wanted) {
    // A message reaches a process once: after one subscription of this instance took it, it is spent here.
    const m = messages.find((x) => x.name === sub.messageName && x.correlationKey === sub.correlationKey);
    if (!m) continue;
    messages.splice(messages.indexOf(m), 1);
    if (await deliverOne(rt, tx, m, instance.id, sub.subscriptionKey, fns)) delivered++;
  }
  return delivered;
}

/**
 * After a step wrote subscriptions: delivers the buffered messages they wait for. In the step's transaction when
 * there is one; after an autocommitted step, a cheap look first (most steps find nothing buffered) and then its own
 * transaction. A delivery that fails there is left to the poller's sweep rather than failing the caller's command,
 * whose step has already committed. True when a message was delivered (the caller's instance row is then stale).
 */
export async function afterSubscriptionsOpened(
  rt: RuntimeContext,
  db: Db | Tx,
  inTx: boolean,
  instance: Pick<InstanceRow, 'id' | 'processKey'>,
  subs: OpenedSubscription[],
  fns: BufferFns,
): Promise<boolean> {
  const wanted = messageSubs(subs);
  if (wanted.length === 0) return false;
  if (inTx) return (await deliverToOpened(rt, db as Tx, instance, wanted, fns)) > 0;
  const names = [...new Set(wanted.map((s) => s.messageName))];
  const waiting = await lockLiveMessages(db, names, rt.clock.now(), instance.processKey);
  if (
    !waiting.some((m) =>
      wanted.some((s) => s.messageName === m.name && s.correlationKey === m.correlationKey),
    )
  )
    return false;
  try {
    return (await inTransaction(rt, (tx) => deliverToOpened(rt, tx, instance, wanted, fns))) > 0;
  } catch (e) {
    console.error('[runtime] buffered message delivery deferred to the sweep:', (e as Error).message);
    return false;
  }
}

/**
 * The timer poller's pass over the buffer, safe in several processes at once: expired messages are deleted; a live
 * message meets any open subscription of a process it has not reached (one a step opened without delivering, e.g.
 * by migration); a message whose process start was held back by the key rule starts it once that instance ended.
 * A message published before a process's latest deployment starts nothing there (Zeebe: not correlated to a start
 * deployed after the publication). Returns how many deliveries and starts it made.
 */
export async function sweepBufferedMessages(rt: RuntimeContext, now: Date, fns: BufferFns): Promise<number> {
  await dropExpiredMessages(rt.db, now);
  let done = 0;
  for (const p of await findDeliverablePairs(rt.db, now, 100)) {
    const ok = await inTransaction(rt, async (tx) => {
      const m = await lockMessage(tx, p.messageId, now);
      const inst = m && (await loadInstance(tx, p.instanceId));
      if (!m || !inst || m.reachedProcessKeys.includes(inst.processKey)) return false;
      return deliverOne(rt, tx, m, p.instanceId, p.subscriptionKey, fns);
    });
    if (ok) done++;
  }
  const live = await listLiveMessages(rt.db, now, 100);
  if (live.length === 0) return done;
  const starts: { def: DefinitionRow; elementId: string; messageName: string }[] = [];
  for (const d of await listDefinitions(rt.db, { latest: true })) {
    const def = await latestDefinitionOf(rt, rt.db, d.key);
    for (const s of def.compiled.info.messageStarts)
      starts.push({ def, elementId: s.elementId, messageName: s.messageName });
  }
  for (const m of live) {
    for (const s of starts) {
      if (s.messageName !== m.name || m.reachedProcessKeys.includes(s.def.key)) continue;
      if (m.createdAt < s.def.deployedAt) continue;
      // Most passes find the key still held: a plain read then spares a transaction per message and pass.
      if (m.correlationKey && (await messageStartKeyHeld(rt.db, s.def.key, m.correlationKey))) continue;
      const started = await inTransaction(rt, async (tx) => {
        const locked = await lockMessage(tx, m.id, now);
        if (!locked || locked.reachedProcessKeys.includes(s.def.key)) return false;
        // Marked first, as in deliverOne: the new instance's own subscriptions must not take this message again.
        await markMessageReached(tx, m.id, s.def.key);
        const row = await startByMessage(
          tx,
          s.def,
          s.elementId,
          { correlationKey: m.correlationKey, variables: m.variables, actor: m.publishedBy },
          fns,
        );
        if (!row) await unmarkMessageReached(tx, m.id, s.def.key);
        return row !== null;
      });
      if (started) done++;
    }
  }
  return done;
}
