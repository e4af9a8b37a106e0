/** @module The database handle type every store module takes: drizzle over pg or PGlite, same code on both. */
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { timestamp } from 'drizzle-orm/pg-core';

/** A drizzle database on either driver. Store modules use the query builder only, never driver specifics. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A transaction handle; store functions accept `Db | Tx` so commands can compose them in one transaction. */
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>>;
export type DbOrTx = Db | Tx;

/** A timestamp with time zone: every instant the store keeps is one (China time is shown, UTC is stored). */
export const tz = () => timestamp({ withTimezone: true });

/** Shared created/updated columns (drizzle house style). */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
