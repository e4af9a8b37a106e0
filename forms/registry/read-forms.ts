/** @module Reading the registry: one version, the latest, the latest of every key, and a key's history. */
import type { DbOrTx } from '../../platform/db/db';
import {
  type FormRow,
  selectFormVersion,
  selectFormVersions,
  selectLatestForm,
  selectLatestOfEachKey,
  selectLatestVersionNumber,
} from '../store';
import type { StoredForm } from '../types';

const toStored = (row: FormRow): StoredForm => ({
  key: row.key,
  version: row.version,
  title: row.title,
  schema: row.schema,
  uiSchema: row.uiSchema ?? {},
  checksum: row.checksum,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/** A given version, or the latest when `version` is omitted; null when there is none. */
export async function getForm(db: DbOrTx, key: string, version?: number | null): Promise<StoredForm | null> {
  const row = version == null ? await selectLatestForm(db, key) : await selectFormVersion(db, key, version);
  return row ? toStored(row) : null;
}

export function latestFormVersion(db: DbOrTx, key: string): Promise<number | null> {
  return selectLatestVersionNumber(db, key);
}

/** The latest version of every form, ordered by key. */
export function listForms(db: DbOrTx): Promise<{ key: string; version: number; title: string }[]> {
  return selectLatestOfEachKey(db);
}

/** Every version of one form, oldest first (empty when the key is unknown). */
export function listFormVersions(
  db: DbOrTx,
  key: string,
): Promise<
  { version: number; title: string; checksum: string; createdBy: string | null; createdAt: Date }[]
> {
  return selectFormVersions(db, key);
}
