/** @module 信息系统普查 (二(三), 一(六)): each unit's census of information systems, retiring a system, and the systems no catalog entry names. */
import { AppError } from '../../platform/errors';
import type { DbOrTx } from '../../platform/db/db';
import type { Actor } from './actor';
import * as store from './store';

/** The census lists with their Chinese labels (the form, the UI and the Excel import show the labels). */
export const CENSUS_LABELS = {
  buildMode: { 'self-built': '自建', 'co-built': '共建', 'deployed-from-above': '上级部署' },
  status: { 'in-use': '在用', stopped: '停用', migrating: '迁移中' },
  deployment: { 'local-room': '本地机房', 'gov-cloud': '政务云' },
} as const;

export type BuildMode = keyof typeof CENSUS_LABELS.buildMode;
export type SystemStatus = keyof typeof CENSUS_LABELS.status;
export type Deployment = keyof typeof CENSUS_LABELS.deployment;

/** What a cataloguer states about one system (all but the name optional; a system recorded before #11 has none). */
export interface SystemInput {
  name: string;
  description?: string | null;
  buildMode?: BuildMode | null;
  status?: SystemStatus;
  maintainer?: string | null;
  /** 上线时间, YYYY-MM-DD. */
  launchDate?: string | null;
  deployment?: Deployment | null;
  onCountyPlatform?: boolean;
}

const forbidden = (message: string, messageEn: string) => new AppError('FORBIDDEN', message, { messageEn });
const duplicate = (name: string) =>
  new AppError('CONFLICT', `本单位已登记信息系统“${name}”`, {
    messageEn: `System "${name}" already exists in this unit`,
  });

/** A real calendar day: 2026-02-30 is refused, not rolled into March. */
function assertLaunchDate(value: string | null | undefined) {
  if (value === undefined || value === null) return;
  const d = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== value
  ) {
    throw new AppError('BAD_REQUEST', `上线时间“${value}”不是有效日期（格式 YYYY-MM-DD）`, {
      messageEn: `Launch date "${value}" is not a valid date (YYYY-MM-DD)`,
    });
  }
}

export async function listSystems(db: DbOrTx, unitId?: string, opts: { includeRetired?: boolean } = {}) {
  return store.listSystems(db, unitId, opts);
}

/** A cataloguer adds systems of their own unit only. */
export async function addSystem(db: DbOrTx, actor: Actor, input: SystemInput) {
  if (!actor.unitId || !actor.roles.includes('unit.cataloguer'))
    throw forbidden('只有目录编制员可以登记信息系统', 'Only a cataloguer may add information systems');
  const name = input.name.trim();
  if (!name)
    throw new AppError('BAD_REQUEST', '信息系统名称不能为空', { messageEn: 'System name is required' });
  assertLaunchDate(input.launchDate);
  if (await store.findSystemByName(db, actor.unitId, name)) throw duplicate(name);
  return store.insertSystem(db, {
    ...input,
    unitId: actor.unitId,
    name,
    description: input.description ?? null,
  });
}

async function ownSystem(db: DbOrTx, actor: Actor, id: string) {
  const row = await store.findSystem(db, id);
  if (!row) throw new AppError('NOT_FOUND', '信息系统不存在', { messageEn: 'Information system not found' });
  if (row.unitId !== actor.unitId || !actor.roles.includes('unit.cataloguer'))
    throw forbidden('只能修改本单位的信息系统', "Only your own unit's systems can be edited");
  return row;
}

export async function editSystem(db: DbOrTx, actor: Actor, id: string, patch: Partial<SystemInput>) {
  const row = await ownSystem(db, actor, id);
  if (row.retiredAt)
    throw new AppError('CONFLICT', `信息系统“${row.name}”已退役，不能修改`, {
      messageEn: `System "${row.name}" is retired`,
    });
  assertLaunchDate(patch.launchDate);
  const name = patch.name?.trim();
  if (name && name !== row.name && (await store.findSystemByName(db, row.unitId, name)))
    throw duplicate(name);
  return store.updateSystem(db, id, { ...patch, name: name || undefined });
}

/**
 * Retires a system (系统下线): it stays in the census for history but takes no new entries. Refused while active
 * entries still name it: their data would have no source system (retire or change those entries first).
 */
export async function retireSystem(db: DbOrTx, actor: Actor, id: string, now: Date) {
  const row = await ownSystem(db, actor, id);
  if (row.retiredAt)
    throw new AppError('CONFLICT', `信息系统“${row.name}”已退役`, {
      messageEn: `System "${row.name}" is already retired`,
    });
  const codes = await store.activeEntryCodesOfSystem(db, id);
  if (codes.length > 0) {
    const shown = codes.slice(0, 5).join('、') + (codes.length > 5 ? ` 等 ${codes.length} 条` : '');
    throw new AppError(
      'CONFLICT',
      `信息系统“${row.name}”仍有在用的目录条目（${shown}），请先变更或注销这些条目`,
      {
        messageEn: `System "${row.name}" still has active catalog entries (${codes.join(', ')})`,
        details: { entryCodes: codes },
      },
    );
  }
  return store.updateSystem(db, id, { retiredAt: now });
}

/** 普查无遗漏: systems in use (not retired) that no active catalog entry names, per unit or county-wide. */
export async function listUncataloguedSystems(db: DbOrTx, unitId?: string) {
  return store.listSystemsWithoutEntries(db, unitId);
}

/**
 * 一数一源 with the census: an entry may only name a system its unit has in the census, not retired. Publishing
 * no longer adds an unknown system silently (a typo would otherwise become a census row nobody declared).
 */
export async function assertSystemInCensus(db: DbOrTx, unitId: string, systemName: string) {
  const name = systemName.trim();
  const system = await store.findSystemByName(db, unitId, name);
  const details = [{ path: '/systemName', message: '' }];
  if (!system) {
    const message = `信息系统“${name}”不在本单位的信息系统普查中，请先在“信息系统普查”中登记`;
    details[0].message = message;
    throw new AppError('VALIDATION_FAILED', message, {
      messageEn: `System "${name}" is not in the unit's census; add it to the census first`,
      details,
    });
  }
  if (system.retiredAt) {
    const message = `信息系统“${name}”已退役，不能再登记目录条目`;
    details[0].message = message;
    throw new AppError('VALIDATION_FAILED', message, {
      messageEn: `System "${name}" is retired`,
      details,
    });
  }
  return system;
}
