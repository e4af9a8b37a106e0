/** @module Queries over the forms table: versions per key, latest per key. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { type FormRow, forms } from './schema';

export interface NewFormRow {
  key: string;
  version: number;
  title: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  checksum: string;
  createdBy?: string | null;
}

export async function insertFormRow(db: DbOrTx, values: NewFormRow): Promise<FormRow> {
  const [row] = await db
    .insert(forms)
    .values({ ...values, createdBy: values.createdBy ?? null })
    .returning();
  return row;
}

export async function selectLatestForm(db: DbOrTx, key: string): Promise<FormRow | undefined> {
  const [row] = await db.select().from(forms).where(eq(forms.key, key)).orderBy(desc(forms.version)).limit(1);
  return row;
}

export async function selectFormVersion(
  db: DbOrTx,
  key: string,
  version: number,
): Promise<FormRow | undefined> {
  const [row] = await db
    .select()
    .from(forms)
    .where(and(eq(forms.key, key), eq(forms.version, version)))
    .limit(1);
  return row;
}

export async function selectLatestVersionNumber(db: DbOrTx, key: string): Promise<number | null> {
  const [row] = await db
    .select({ version: sql<number | null>`max(${forms.version})` })
    .from(forms)
    .where(eq(forms.key, key));
  return row?.version == null ? null : Number(row.version);
}

/** The latest version of every key, ordered by key (DISTINCT ON keeps it one indexed pass). */
export async function selectLatestOfEachKey(
  db: DbOrTx,
): Promise<{ key: string; version: number; title: string }[]> {
  return db
    .selectDistinctOn([forms.key], { key: forms.key, version: forms.version, title: forms.title })
    .from(forms)
    .orderBy(asc(forms.key), desc(forms.version));
}

export async function selectFormVersions(
  db: DbOrTx,
  key: string,
): Promise<
  { version: number; title: string; checksum: string; createdBy: string | null; createdAt: Date }[]
> {
  return db
    .select({
      version: forms.version,
      title: forms.title,
      checksum: forms.checksum,
      createdBy: forms.createdBy,
      createdAt: forms.createdAt,
    })
    .from(forms)
    .where(eq(forms.key, key))
    .orderBy(asc(forms.version));
}
