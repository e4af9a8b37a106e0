/** @module What each kind of import provides to the runner: read and check (no writes), then the write in the commit's transaction. */
import type { DbOrTx } from '../../platform/db/db';
import type { ImportActor } from './actor';
import type { Workbook } from './read-workbook';
import type { Issues } from './report';

export interface ImportContext {
  actor: ImportActor;
  now: Date;
}

export interface CheckedImport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Runs only when nothing was wrong and it is not a dry run, in the same transaction as the check. */
  write(
    tx: DbOrTx,
  ): Promise<{ oneTimePasswords?: { username: string; oneTimePassword: string }[] } | undefined>;
}

export type Importer = (
  db: DbOrTx,
  workbook: Workbook,
  ctx: ImportContext,
  issues: Issues,
) => Promise<CheckedImport | undefined>;
