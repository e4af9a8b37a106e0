/**
 * @module Runs independent reads side by side on the pool, but one after another inside a transaction: a
 * transaction is one connection, and pg queues overlapping queries on one client only under a deprecation
 * (removed in pg 9). The bulletin worker computes the statistics inside its job's transaction.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/db';

type Thunks = readonly (() => PromiseLike<unknown>)[];
type Results<T extends Thunks> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

export async function concurrently<const T extends Thunks>(db: DbOrTx, thunks: T): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(thunks.map((f) => f()))) as Results<T>;
  const out: unknown[] = [];
  for (const f of thunks) out.push(await f());
  return out as Results<T>;
}
