/** @module Public face of the engine's store: schema, handle types and the queries the runtime and server use. */
export type { Db, DbOrTx, Tx } from '../../platform/db/db';
export * from './decisions';
export * from './broadcast';
export * from './definitions';
export * from './history';
export * from './instances';
export * from './queues';
export * from './schema';
export * from './tasks';
export * from './work-items';
export * from '../../platform/db/raw';
export * from './step-write';
export * from './hot-reads';
