/** @module Deployed DMN decisions: versioned per decision id, the latest read by the deploy path and the evaluate endpoint. */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { type DecisionRow, decisionDefinitions } from './schema';

export type NewDecision = typeof decisionDefinitions.$inferInsert;

export async function insertDecision(tx: DbOrTx, values: NewDecision): Promise<DecisionRow> {
  const [row] = await tx.insert(decisionDefinitions).values(values).returning();
  return row;
}

export async function latestDecision(db: DbOrTx, decisionId: string): Promise<DecisionRow | undefined> {
  const [row] = await db
    .select()
    .from(decisionDefinitions)
    .where(eq(decisionDefinitions.decisionId, decisionId))
    .orderBy(desc(decisionDefinitions.version))
    .limit(1);
  return row;
}

/** The latest version of each of these decision ids (the ones a deployment's processes call but do not carry). */
export async function latestDecisions(db: DbOrTx, decisionIds: string[]): Promise<DecisionRow[]> {
  if (decisionIds.length === 0) return [];
  const d = decisionDefinitions;
  return db
    .select()
    .from(d)
    .where(
      sql`${inArray(d.decisionId, decisionIds)} and ${d.version} = (select max(d2.version) from decision_definitions d2 where d2.decision_id = ${d.decisionId})`,
    );
}

/** The latest version of every deployed decision (the DMN editor's list), by id. */
export async function listLatestDecisions(db: DbOrTx) {
  const d = decisionDefinitions;
  return db
    .select({
      decisionId: d.decisionId,
      version: d.version,
      name: d.name,
      resourceName: d.resourceName,
      deployedAt: d.createdAt,
    })
    .from(d)
    .where(
      sql`${d.version} = (select max(d2.version) from decision_definitions d2 where d2.decision_id = ${d.decisionId})`,
    )
    .orderBy(d.decisionId);
}
