/**
 * @module Unit administration commands (security.admin): add a unit, rename it, set its kind, deactivate or
 * activate it. Each change and its audit row commit together.
 */
import { writeAudit } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { codeIssue, kindIssue, nameIssue, type UnitIssue } from './rules';
import * as store from './store';

export interface AuditContext {
  actor: string;
  ip?: string | null;
}

const invalid = (issue: UnitIssue) =>
  new AppError('BAD_REQUEST', issue.message, {
    messageEn: issue.messageEn,
    details: [{ path: `/${issue.field}`, message: issue.message, messageEn: issue.messageEn }],
  });

const notFound = () => new AppError('NOT_FOUND', '单位不存在', { messageEn: 'Unit not found' });

async function assertNameFree(db: Db, name: string, exceptId?: string) {
  const other = await store.findUnitByName(db, name);
  if (other && other.id !== exceptId)
    throw new AppError('CONFLICT', `单位名称“${name}”已被单位 ${other.code} 使用`, {
      messageEn: `Unit name "${name}" is used by unit ${other.code}`,
    });
}

export async function createUnit(
  db: Db,
  input: { code: string; name: string; kind: store.UnitKind },
  audit: AuditContext,
): Promise<store.UnitRow> {
  const code = input.code.trim();
  const name = input.name.trim();
  const issue = codeIssue(code) ?? nameIssue(name) ?? kindIssue(input.kind);
  if (issue) throw invalid(issue);
  const taken = await store.findUnitByCodeInsensitive(db, code);
  if (taken)
    throw new AppError('CONFLICT', `单位代码“${code}”已被“${taken.name}”使用`, {
      messageEn: `Unit code "${code}" is taken by "${taken.name}"`,
    });
  await assertNameFree(db, name);
  await db.transaction(async (tx) => {
    await store.insertUnits(tx, [
      { id: code, name, kind: input.kind, sortOrder: await store.nextSortOrder(tx) },
    ]);
    await writeAudit(tx, {
      ...audit,
      action: 'unit.create',
      target: code,
      outcome: 'ok',
      details: { name, kind: input.kind },
    });
  });
  return (await store.findUnitRow(db, code))!;
}

export async function updateUnit(
  db: Db,
  id: string,
  patch: { name?: string; kind?: store.UnitKind; active?: boolean },
  audit: AuditContext,
): Promise<store.UnitRow> {
  const unit = await store.findUnitRow(db, id);
  if (!unit) throw notFound();
  const name = patch.name?.trim();
  const issue =
    (name !== undefined ? nameIssue(name) : undefined) ??
    (patch.kind !== undefined ? kindIssue(patch.kind, unit.kind) : undefined);
  if (issue) throw invalid(issue);
  if (patch.active === false && unit.kind === 'authority')
    throw new AppError('CONFLICT', '大数据主管部门不能停用', {
      messageEn: 'The big-data authority cannot be deactivated',
    });
  if (name !== undefined) await assertNameFree(db, name, id);
  await db.transaction(async (tx) => {
    await store.updateUnitRow(tx, id, { name, kind: patch.kind, active: patch.active });
    await writeAudit(tx, {
      ...audit,
      action: 'unit.update',
      target: id,
      outcome: 'ok',
      details: {
        before: { name: unit.name, kind: unit.kind, active: unit.active },
        patch: { name, kind: patch.kind, active: patch.active },
      },
    });
  });
  // Cached sessions carry the unit's name for at most their two-second TTL (session-cache.ts): no eviction needed.
  return (await store.findUnitRow(db, id))!;
}

/**
 * An inactive unit keeps its users, history and entries but gets no new users or tasks (docs/api.md "Units"). `purpose`
 * shapes the message: `user` for an account created or moved there, `task` for work routed to it.
 */
export async function assertUnitActive(db: DbOrTx, unitId: string, purpose: 'user' | 'task') {
  if (!(await store.inactiveAmong(db, [unitId])).has(unitId)) return;
  const unit = await store.findUnitRow(db, unitId);
  const name = unit?.name ?? unitId;
  throw new AppError(
    'CONFLICT',
    purpose === 'user' ? `单位“${name}”已停用，不能新增或调入用户` : `单位“${name}”已停用，不能接收新的任务`,
    {
      messageEn:
        purpose === 'user'
          ? `Unit "${name}" is inactive and takes no new users`
          : `Unit "${name}" is inactive and takes no new tasks`,
    },
  );
}
