/** @module Queries over deployments and process definitions (versions per key). */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { CompiledProcess } from '../contract';
import type { DbOrTx } from '../../platform/db/db';
import { rawQuery } from '../../platform/db/raw';
import { type DefinitionRow, deployments, processDefinitions } from './schema';

export async function insertDeployment(
  tx: DbOrTx,
  values: { name?: string; deployedBy?: string },
): Promise<string> {
  const [row] = await tx
    .insert(deployments)
    .values({ name: values.name ?? null, deployedBy: values.deployedBy ?? null })
    .returning({ id: deployments.id });
  return row.id;
}

export interface NewDefinition {
  key: string;
  version: number;
  name?: string;
  xml: string;
  compiled: CompiledProcess;
  checksum: string;
  formBindings: Record<string, number>;
  deploymentId: string;
  deployedAt: Date;
}

export async function insertDefinition(tx: DbOrTx, values: NewDefinition): Promise<DefinitionRow> {
  const [row] = await tx
    .insert(processDefinitions)
    .values({ ...values, name: values.name ?? null })
    .returning();
  return row;
}

export async function latestDefinition(db: DbOrTx, key: string): Promise<DefinitionRow | undefined> {
  const [row] = await db
    .select()
    .from(processDefinitions)
    .where(eq(processDefinitions.key, key))
    .orderBy(desc(processDefinitions.version))
    .limit(1);
  return row;
}

/** The newest version's id of a key: read on every start, so plain prepared SQL (no XML, no compiled JSON). */
export async function latestDefinitionId(db: DbOrTx, key: string): Promise<string | undefined> {
  const [row] = await rawQuery<{ id: string }>(
    db,
    'select id from process_definitions where key = $1::text order by version desc limit 1',
    [key],
    'huiliu_latest_definition',
  );
  return row?.id;
}

export async function getDefinition(db: DbOrTx, id: string): Promise<DefinitionRow | undefined> {
  const [row] = await db.select().from(processDefinitions).where(eq(processDefinitions.id, id));
  return row;
}

export async function getDefinitionVersion(
  db: DbOrTx,
  key: string,
  version: number,
): Promise<DefinitionRow | undefined> {
  const [row] = await db
    .select()
    .from(processDefinitions)
    .where(and(eq(processDefinitions.key, key), eq(processDefinitions.version, version)));
  return row;
}

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string | null;
  deployedAt: Date;
}

/** All versions, or only the latest version of each key; newest first within a key. */
export async function listDefinitions(
  db: DbOrTx,
  options: { latest?: boolean; key?: string } = {},
): Promise<DefinitionSummary[]> {
  const d = processDefinitions;
  const cols = { id: d.id, key: d.key, version: d.version, name: d.name, deployedAt: d.deployedAt };
  const latestOnly = sql`${d.version} = (select max(p2.version) from process_definitions p2 where p2.key = ${d.key})`;
  const where = and(
    options.key ? eq(d.key, options.key) : undefined,
    options.latest ? latestOnly : undefined,
  );
  return db.select(cols).from(d).where(where).orderBy(d.key, desc(d.version));
}
