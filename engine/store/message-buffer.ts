/**
 * @module The queries of message buffering (Zeebe's time to live) and of the message-start key lock: plain SQL, each
 * one statement, so several runtime processes may run them at once (row locks and `skip locked` keep them apart).
 */
import type { Vars } from '../contract';
import type { DbOrTx } from '../../platform/db/db';
import { rawQuery } from '../../platform/db/raw';

export interface BufferedMessage {
  id: string;
  name: string;
  correlationKey: string;
  messageId: string | null;
  variables: Vars;
  reachedProcessKeys: string[];
  publishedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

const COLUMNS = `id, name, correlation_key as "correlationKey", message_id as "messageId", variables,
  reached_process_keys as "reachedProcessKeys", published_by as "publishedBy", created_at as "createdAt",
  expires_at as "expiresAt"`;

/** The nil uuid: a key lock row made before its first instance exists names no instance. */
const NO_INSTANCE = '00000000-0000-0000-0000-000000000000';

const asMessage = (r: BufferedMessage): BufferedMessage => ({
  ...r,
  createdAt: new Date(r.createdAt),
  expiresAt: new Date(r.expiresAt),
});

/** Deletes every expired message (all names, or only those of one name, key and id); returns how many. */
export async function dropExpiredMessages(
  db: DbOrTx,
  now: Date,
  only?: { name: string; correlationKey: string; messageId: string },
): Promise<number> {
  const rows = only
    ? await rawQuery(
        db,
        `delete from buffered_messages where expires_at <= $1::timestamptz and name = $2 and correlation_key = $3 and message_id = $4 returning id`,
        [now.toISOString(), only.name, only.correlationKey, only.messageId],
      )
    : await rawQuery(db, `delete from buffered_messages where expires_at <= $1::timestamptz returning id`, [
        now.toISOString(),
      ]);
  return rows.length;
}

/** A live message with this name, key and id (the one a new publication would duplicate). */
export async function findLiveMessage(
  db: DbOrTx,
  name: string,
  correlationKey: string,
  messageId: string,
  now: Date,
): Promise<BufferedMessage | undefined> {
  const [row] = await rawQuery<BufferedMessage>(
    db,
    `select ${COLUMNS} from buffered_messages where name = $1 and correlation_key = $2 and message_id = $3 and expires_at > $4::timestamptz`,
    [name, correlationKey, messageId, now.toISOString()],
  );
  return row && asMessage(row);
}

export async function insertBufferedMessage(
  db: DbOrTx,
  m: Omit<BufferedMessage, 'id' | 'createdAt'>,
): Promise<string> {
  // created_at is the database's wall clock (not the runtime's, which tests move): it is compared with deployedAt.
  const [row] = await rawQuery<{ id: string }>(
    db,
    `insert into buffered_messages (name, correlation_key, message_id, variables, reached_process_keys, published_by, expires_at)
     values ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7::timestamptz) returning id`,
    [
      m.name,
      m.correlationKey,
      m.messageId,
      JSON.stringify(m.variables),
      JSON.stringify(m.reachedProcessKeys),
      m.publishedBy,
      m.expiresAt.toISOString(),
    ],
  );
  return (row as { id: string }).id;
}

/**
 * Live messages of these names not yet correlated to `processKey`, oldest first, row-locked (`skip locked`: a
 * message another transaction is delivering right now is left to it).
 */
export async function lockLiveMessages(
  db: DbOrTx,
  names: string[],
  now: Date,
  notReachedBy?: string,
): Promise<BufferedMessage[]> {
  if (names.length === 0) return [];
  const rows = await rawQuery<BufferedMessage>(
    db,
    `select ${COLUMNS} from buffered_messages
      where name = any($1::text[]) and expires_at > $2::timestamptz
        and ($3::text is null or not (reached_process_keys @> jsonb_build_array($3::text)))
      order by created_at, id for update skip locked`,
    [names, now.toISOString(), notReachedBy ?? null],
  );
  return rows.map(asMessage);
}

/** One live message, row-locked (waiting for a transaction that holds it); undefined once expired or gone. */
export async function lockMessage(db: DbOrTx, id: string, now: Date): Promise<BufferedMessage | undefined> {
  const [row] = await rawQuery<BufferedMessage>(
    db,
    `select ${COLUMNS} from buffered_messages where id = $1 and expires_at > $2::timestamptz for update`,
    [id, now.toISOString()],
  );
  return row && asMessage(row);
}

export async function markMessageReached(db: DbOrTx, id: string, processKey: string): Promise<void> {
  await rawQuery(
    db,
    `update buffered_messages set reached_process_keys = reached_process_keys || jsonb_build_array($2::text), updated_at = now()
      where id = $1 and not (reached_process_keys @> jsonb_build_array($2::text))`,
    [id, processKey],
  );
}

/** Undoes markMessageReached (a delivery the engine rejected after all). */
export async function unmarkMessageReached(db: DbOrTx, id: string, processKey: string): Promise<void> {
  await rawQuery(
    db,
    `update buffered_messages set reached_process_keys = reached_process_keys - $2::text, updated_at = now() where id = $1`,
    [id, processKey],
  );
}

/** Pairs of a live message and an open subscription it may reach (a process it has not reached yet). */
export async function findDeliverablePairs(
  db: DbOrTx,
  now: Date,
  limit: number,
): Promise<{ messageId: string; instanceId: string; subscriptionKey: string }[]> {
  return rawQuery(
    db,
    `select b.id as "messageId", s.instance_id as "instanceId", s.subscription_key as "subscriptionKey"
       from buffered_messages b
       join message_subscriptions s on s.kind = 'message' and s.status = 'active'
            and s.message_name = b.name and s.correlation_key = b.correlation_key
       join process_instances i on i.id = s.instance_id
      where b.expires_at > $1::timestamptz and not (b.reached_process_keys @> jsonb_build_array(i.process_key))
      order by b.created_at, s.created_at limit $2`,
    [now.toISOString(), limit],
  );
}

/** Live messages, oldest first (for the message starts a sweep may still owe them). */
export async function listLiveMessages(db: DbOrTx, now: Date, limit: number): Promise<BufferedMessage[]> {
  const rows = await rawQuery<BufferedMessage>(
    db,
    `select ${COLUMNS} from buffered_messages where expires_at > $1::timestamptz order by created_at, id limit $2`,
    [now.toISOString(), limit],
  );
  return rows.map(asMessage);
}

/**
 * Locks the (process, key) row of the message-start rule, making it first if needed, and answers the status of the
 * instance it names (read by its own statement, so a start committed while this one waited for the lock is seen).
 */
export async function lockMessageStartKey(
  db: DbOrTx,
  processKey: string,
  correlationKey: string,
): Promise<{ instanceId: string | null; status: string | null }> {
  await rawQuery(
    db,
    `insert into message_start_keys (process_key, correlation_key, instance_id) values ($1, $2, $3::uuid)
     on conflict (process_key, correlation_key) do nothing`,
    [processKey, correlationKey, NO_INSTANCE],
  );
  const [key] = await rawQuery<{ instanceId: string }>(
    db,
    `select instance_id as "instanceId" from message_start_keys where process_key = $1 and correlation_key = $2 for update`,
    [processKey, correlationKey],
  );
  const instanceId = key && key.instanceId !== NO_INSTANCE ? key.instanceId : null;
  if (!instanceId) return { instanceId: null, status: null };
  const [inst] = await rawQuery<{ status: string }>(
    db,
    `select status from process_instances where id = $1`,
    [instanceId],
  );
  return { instanceId, status: inst?.status ?? null };
}

/** Whether the key's last message-started instance of the process still runs (a plain read, no lock). */
export async function messageStartKeyHeld(
  db: DbOrTx,
  processKey: string,
  correlationKey: string,
): Promise<boolean> {
  const rows = await rawQuery(
    db,
    `select 1 from message_start_keys k join process_instances i on i.id = k.instance_id
      where k.process_key = $1 and k.correlation_key = $2 and i.status in ('active', 'incident')`,
    [processKey, correlationKey],
  );
  return rows.length > 0;
}

export async function setMessageStartKey(
  db: DbOrTx,
  processKey: string,
  correlationKey: string,
  instanceId: string,
): Promise<void> {
  await rawQuery(
    db,
    `update message_start_keys set instance_id = $3::uuid, updated_at = now() where process_key = $1 and correlation_key = $2`,
    [processKey, correlationKey, instanceId],
  );
}

/** The open subscription of an instance by its key (the row a buffered message is delivered through). */
export async function findActiveSubscription(
  db: DbOrTx,
  instanceId: string,
  subscriptionKey: string,
): Promise<{ id: string; elementId: string; activation: number; loopIndex: number | null } | undefined> {
  const [row] = await rawQuery<{
    id: string;
    elementId: string;
    activation: number;
    loopIndex: number | null;
  }>(
    db,
    `select id, element_id as "elementId", activation, loop_index as "loopIndex" from message_subscriptions
      where instance_id = $1 and subscription_key = $2 and status = 'active' and kind = 'message'
      order by created_at limit 1`,
    [instanceId, subscriptionKey],
  );
  return row;
}
