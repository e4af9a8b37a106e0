/**
 * @module Plain-text SQL on the driver under drizzle, for the runtime's hot path only. drizzle's query builder costs
 * more Node CPU per call than PostgreSQL spends running these statements (profiled: `is()`, SQL chunk walking and
 * column casing dominate a step), so the step's read and write are prebuilt text + positional values instead.
 */
import { getTableColumns, type Table } from 'drizzle-orm';
import type { DbOrTx } from './db';

interface DriverClient {
  query(config: unknown, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The pg Pool / PoolClient or PGlite (transaction) drizzle runs on: a drizzle session keeps it as `client`. */
function clientOf(db: DbOrTx): { client: DriverClient; pglite: boolean } {
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client) throw new Error('raw SQL: no driver client under this drizzle handle');
  // pg's Pool and PoolClient have `connect`/`release`; PGlite and its transactions have neither.
  const pglite = typeof (client as { connect?: unknown }).connect !== 'function';
  return { client, pglite };
}

/**
 * Runs `text` with `values` ($1..$n). `name` makes node-postgres prepare it once per connection (constant text only).
 * Rows come back as the driver parses them: timestamptz → Date, jsonb → value, text[] → array, int8 → string.
 */
export async function rawQuery<T = Record<string, unknown>>(
  db: DbOrTx,
  text: string,
  values: unknown[],
  name?: string,
): Promise<T[]> {
  const { client, pglite } = clientOf(db);
  const result = pglite
    ? await client.query(text, values)
    : await client.query(name ? { name, text, values } : { text, values });
  return result.rows as T[];
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export interface ColumnInfo {
  key: string;
  name: string;
  sqlType: string;
  toDriver: (value: unknown) => unknown;
}

const columnCache = new WeakMap<Table, ColumnInfo[]>();

/** A table's columns as the store's snake_case casing names them, with drizzle's own value mapping. */
export function columnsOf(table: Table): ColumnInfo[] {
  let cols = columnCache.get(table);
  if (!cols) {
    cols = Object.entries(getTableColumns(table)).map(([key, col]) => {
      const c = col as unknown as {
        name: string;
        keyAsName: boolean;
        getSQLType(): string;
        mapToDriverValue(v: unknown): unknown;
      };
      return {
        key,
        name: c.keyAsName ? snake(key) : c.name,
        sqlType: c.getSQLType(),
        toDriver: (v: unknown) => c.mapToDriverValue(v),
      };
    });
    columnCache.set(table, cols);
  }
  return cols;
}

/** `alias.col as "key", ...` so rows arrive keyed like drizzle's camelCase row types (prefixed for joins). */
export function selectList(table: Table, alias: string, prefix = ''): string {
  return columnsOf(table)
    .map((c) => `${alias}."${c.name}" as "${prefix}${c.key}"`)
    .join(', ');
}

/** Positional parameters with the casts PostgreSQL needs when a value sits where no column type is inferred. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown, sqlType?: string): string {
    this.values.push(value);
    const ref = `$${this.values.length}`;
    if (!sqlType) return ref;
    // Arrays and json travel as their text form: both drivers then pass them through unchanged.
    if (sqlType.endsWith('[]') || sqlType === 'jsonb' || sqlType === 'json')
      return `${ref}::text::${sqlType}`;
    return `${ref}::${sqlType}`;
  }
}
