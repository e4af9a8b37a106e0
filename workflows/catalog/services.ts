/** @module Catalog services: entry lists with visibility, and the pre-start checks that let routes answer 4xx. */
import type { Json } from '../../engine/contract';
import { AppError } from '../../platform/errors';
import type { DbOrTx } from '../../platform/db/db';
import { type Actor, isAuthority } from './actor';
import * as store from './store';

export type { Actor } from './actor';

const notFound = (what: string, en: string) =>
  new AppError('NOT_FOUND', `${what}不存在`, { messageEn: `${en} not found` });

export interface EntryView {
  id: string;
  code: string;
  unitId: string;
  unitName: string;
  status: 'active' | 'retired';
  currentVersion: number;
  systemId: string | null;
  /** 更新周期 (the current version's), and the collection record (三(四)); `nextCollectionDue` null: never due. */
  updateCycle: string | null;
  lastCollectedAt: string | null;
  nextCollectionDue: string | null;
  fields: Record<string, Json>;
  versions: {
    version: number;
    publishedAt: string;
    publishedBy: string | null;
    fields: Record<string, Json>;
  }[];
  /** Only for the owner unit and the authority: the open change instance (a draft in progress). */
  openChangeInstanceId?: string | null;
}

/** Published metadata is county-wide (目录全局化); what is in progress is shown to the owner unit and the authority. */
export async function listEntries(
  db: DbOrTx,
  actor: Actor,
  filter: store.EntryFilter = {},
): Promise<EntryView[]> {
  const rows = await store.listEntryRows(db, filter);
  const versions = await store.listVersions(
    db,
    rows.map((r) => r.entry.id),
  );
  return rows.map(({ entry, unitName }) => {
    const own = versions.filter((v) => v.entryId === entry.id);
    const current = own.find((v) => v.version === entry.currentVersion);
    const view: EntryView = {
      id: entry.id,
      code: entry.code,
      unitId: entry.unitId,
      unitName,
      status: entry.status,
      currentVersion: entry.currentVersion,
      systemId: entry.systemId,
      updateCycle: entry.updateCycle,
      lastCollectedAt: entry.lastCollectedAt?.toISOString() ?? null,
      nextCollectionDue: entry.nextCollectionDue?.toISOString() ?? null,
      fields: current?.fields ?? {},
      versions: own.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt.toISOString(),
        publishedBy: v.publishedBy,
        fields: v.fields,
      })),
    };
    if (isAuthority(actor) || actor.unitId === entry.unitId)
      view.openChangeInstanceId = entry.openChangeInstanceId;
    return view;
  });
}

/** A page of entries (docs/api.md list shape). */
export async function listEntriesPage(
  db: DbOrTx,
  actor: Actor,
  filter: Omit<store.EntryFilter, 'limit' | 'offset'>,
  page = 1,
  pageSize = 20,
) {
  const [items, total] = await Promise.all([
    listEntries(db, actor, { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
    store.countEntryRows(db, filter),
  ]);
  return { items, total, page, pageSize };
}

export async function getEntry(db: DbOrTx, actor: Actor, id: string): Promise<EntryView> {
  const [view] = await listEntries(db, actor, { id, limit: 1 });
  if (!view) throw notFound('目录条目', 'Catalog entry');
  return view;
}

/**
 * Checked by the start route of `catalog-change` so the user gets a 4xx instead of an incident: the entry exists,
 * belongs to the caller's unit, is not retired, and has no other open change. `isInstanceActive` lets a lock left by
 * a cancelled instance be ignored.
 */
export async function assertChangeAllowed(
  db: DbOrTx,
  entryId: string,
  opts: { actor?: Actor; isInstanceActive?: (instanceId: string) => Promise<boolean> } = {},
) {
  const row = await store.findEntry(db, entryId);
  if (!row) throw notFound('目录条目', 'Catalog entry');
  const { entry } = row;
  if (opts.actor && opts.actor.unitId !== entry.unitId) {
    throw new AppError('FORBIDDEN', '只能对本单位的目录条目申请变更', {
      messageEn: "Only your own unit's entries can be changed",
    });
  }
  if (entry.status === 'retired') {
    throw new AppError('CONFLICT', `目录条目 ${entry.code} 已注销, 不能变更`, {
      messageEn: `Entry ${entry.code} is retired`,
    });
  }
  const open = entry.openChangeInstanceId;
  if (open && (!opts.isInstanceActive || (await opts.isInstanceActive(open)))) {
    throw new AppError('CONFLICT', `目录条目 ${entry.code} 已有进行中的变更申请`, {
      messageEn: `Entry ${entry.code} already has an open change`,
      details: { openChangeInstanceId: open },
    });
  }
  return entry;
}

/** Checked by the start route of `catalog-registration`: the resource code must be free county-wide. */
export async function assertCodeAvailable(db: DbOrTx, code: string) {
  const taken = await store.findEntryByCode(db, code);
  if (taken) {
    throw new AppError('CONFLICT', `信息资源代码 ${code} 已被使用`, {
      messageEn: `Resource code ${code} is already in use`,
    });
  }
}
