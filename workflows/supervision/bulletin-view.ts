/**
 * @module Bulletins as the departments read them (四(二) 定期统计并通报各部门): supervision and the authority see every
 * bulletin, drafts included; a unit's leader sees published ones only (a draft is the authority's work in progress).
 */
import type { DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { type Actor, isAuthority } from '../catalog/actor';
import type { StaleSnapshot } from './bulletin-workbook';
import type { OverdueItem, UnitStats } from './stats';
import * as store from './store';

export interface BulletinView {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  status: 'draft' | 'published';
  publishedAt: string | null;
  summary: string | null;
  createdAt: string;
  stats: UnitStats[];
  overdue: OverdueItem[];
  stale: StaleSnapshot;
}

/** Whether the caller reads drafts too (`true`), published bulletins only (`false`); anyone else is refused. */
function readsDrafts(actor: Actor): boolean {
  if (isAuthority(actor)) return true;
  if (actor.unitId && actor.roles.includes('unit.leader')) return false;
  throw new AppError('FORBIDDEN', '只有督办、主管部门和单位负责人可以查阅通报', {
    messageEn: 'Only supervisors, the authority and unit leaders may read bulletins',
  });
}

export async function readableBulletins(db: DbOrTx, actor: Actor) {
  return store.listBulletins(db, { publishedOnly: !readsDrafts(actor) });
}

/** One bulletin with its frozen figures; 404 for a draft a leader asks for (as for one that does not exist). */
export async function getBulletin(db: DbOrTx, actor: Actor, id: string): Promise<BulletinView> {
  const drafts = readsDrafts(actor);
  const row = await store.findBulletin(db, id);
  if (!row || (!drafts && row.status !== 'published'))
    throw new AppError('NOT_FOUND', '通报不存在', { messageEn: 'Bulletin not found' });
  const stats = (row.stats as unknown as UnitStats[]).map((s) => ({
    ...s,
    entriesStale: s.entriesStale ?? 0,
  }));
  return {
    id: row.id,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    stats,
    overdue: row.overdue as unknown as OverdueItem[],
    stale: (row.stale as unknown as StaleSnapshot | null) ?? { total: 0, items: [] },
  };
}
