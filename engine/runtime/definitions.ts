/** @module Deployed definitions are immutable, so each is read once and kept: the engine caches its machine by object identity. */
import { upgradeCompiled } from '../index';
import { AppError } from '../../platform/errors';
import { type DbOrTx, type DefinitionRow, getDefinition, latestDefinitionId } from '../store';
import type { RuntimeContext } from './types';

export async function definitionById(rt: RuntimeContext, db: DbOrTx, id: string): Promise<DefinitionRow> {
  const cached = rt.definitions.get(id);
  if (cached) return cached;
  const row = await getDefinition(db, id);
  if (!row) throw new Error(`definition ${id} is missing`);
  // Definitions an older engine compiled get this engine's additive transitions (退回/撤回/加签) once, here.
  upgradeCompiled(row.compiled);
  rt.definitions.set(id, row);
  return row;
}

export async function latestDefinitionOf(
  rt: RuntimeContext,
  db: DbOrTx,
  key: string,
): Promise<DefinitionRow> {
  // Only the id is read each time (another process may have deployed a newer version); the row itself is immutable.
  const id = await latestDefinitionId(db, key);
  if (!id) {
    throw new AppError('NOT_FOUND', `流程 ${key} 未部署`, { messageEn: `Process ${key} is not deployed` });
  }
  return definitionById(rt, db, id);
}
