/** @module Catalog job workers: publish a registration, lock/apply/release a change, record a return for statistics. */
import type { Vars } from '../../engine/contract';
import { AppError } from '../../platform/errors';
import { need, str, type WorkerDeps, type WorkflowJob, type WorkflowJobWorker } from '../worker-types';
import { assertSystemInCensus } from './census';
import { applyChanges, diffFields, pickEntryFields } from './fields';
import * as store from './store';

const CHANGE_TYPE_NAMES: Record<string, string> = { modify: '变更', retire: '注销' };

/** `catalog.publish-entry`: version 1 of a new entry from the registration's fields; idempotent per instance. */
async function publishEntry(job: WorkflowJob, deps: WorkerDeps) {
  const { tx, variables: v } = job;
  const fields = pickEntryFields(v);
  const code = need(v, 'resourceCode');
  const unitId = need(v, 'initiatorUnitId');
  const existing = await store.findEntryByCode(tx, code);
  if (existing?.registeredInstanceId === job.instanceId)
    return { variables: { catalogEntryId: existing.id } };
  if (existing)
    throw new AppError('CONFLICT', `信息资源代码 ${code} 已被使用`, {
      messageEn: `Resource code ${code} is already in use`,
    });
  const systemName = str(v.systemName);
  // 普查 first (二(三)): the system must already be in the unit's census; it is never added silently here.
  const systemId = systemName ? (await assertSystemInCensus(tx, unitId, systemName)).id : null;
  const now = deps.now();
  const entry = await store.createEntry(tx, {
    code,
    unitId,
    systemId,
    fields,
    publishedAt: now,
    publishedBy: str(v.initiator),
    instanceId: job.instanceId,
    registeredInstanceId: job.instanceId,
  });
  await store.recordCatalogEvent(tx, {
    unitId,
    entryId: entry.id,
    instanceId: job.instanceId,
    processKey: job.processKey,
    kind: 'registered',
    at: now,
  });
  return { variables: { catalogEntryId: entry.id } };
}

/** `catalog.check-change`: takes the entry's change lock and hands the reviewer the current version and the diff. */
async function checkChange(job: WorkflowJob) {
  const { tx, variables: v } = job;
  const entryId = need(v, 'entryId');
  const row = await store.findEntry(tx, entryId);
  if (!row) throw new AppError('NOT_FOUND', '目录条目不存在', { messageEn: 'Catalog entry not found' });
  if (!(await store.lockEntryForChange(tx, entryId, job.instanceId))) {
    throw new AppError('CONFLICT', `目录条目 ${row.entry.code} 已注销或已有进行中的变更`, {
      messageEn: `Entry ${row.entry.code} is retired or already has an open change`,
    });
  }
  const current = await store.findVersion(tx, entryId, row.entry.currentVersion);
  const currentFields = current?.fields ?? {};
  const proposed = v.changeType === 'retire' ? currentFields : applyChanges(currentFields, v.changes);
  const variables: Vars = {
    entryCode: row.entry.code,
    resourceName: row.entry.resourceName,
    entryUnitId: row.entry.unitId,
    baseVersion: row.entry.currentVersion,
    currentFields,
    changeTypeName: CHANGE_TYPE_NAMES[String(v.changeType)] ?? String(v.changeType),
    fieldChanges: diffFields(currentFields, proposed),
  };
  return { variables };
}

/** `catalog.apply-change`: publishes the next immutable version, or retires the entry; releases the lock. */
async function applyChange(job: WorkflowJob, deps: WorkerDeps) {
  const { tx, variables: v } = job;
  const entryId = need(v, 'entryId');
  const row = await store.findEntry(tx, entryId);
  if (!row) throw new AppError('NOT_FOUND', '目录条目不存在', { messageEn: 'Catalog entry not found' });
  const { entry } = row;
  if (entry.openChangeInstanceId !== job.instanceId)
    throw new Error(`entry ${entry.code} is not locked by instance ${job.instanceId}`);
  const now = deps.now();
  const base = {
    unitId: entry.unitId,
    entryId,
    instanceId: job.instanceId,
    processKey: job.processKey,
    at: now,
  };
  if (v.changeType === 'retire') {
    await store.updateEntry(tx, entryId, { status: 'retired', retiredAt: now, openChangeInstanceId: null });
    await store.recordCatalogEvent(tx, { ...base, kind: 'retired' });
    return { variables: { entryStatus: 'retired', entryVersion: entry.currentVersion } };
  }
  const current = await store.findVersion(tx, entryId, entry.currentVersion);
  const fields = applyChanges(current?.fields ?? {}, v.changes);
  const systemName = str(fields.systemName);
  const systemId =
    systemName && systemName !== str(current?.fields.systemName)
      ? (await assertSystemInCensus(tx, entry.unitId, systemName)).id
      : undefined;
  const version = await store.publishNextVersion(tx, entry, {
    fields,
    publishedAt: now,
    publishedBy: str(v.initiator),
    instanceId: job.instanceId,
    systemId,
  });
  await store.recordCatalogEvent(tx, { ...base, kind: 'changed' });
  return { variables: { entryStatus: 'active', entryVersion: version } };
}

/** `catalog.release-change`: a rejected change frees the entry for the next request. */
async function releaseChange(job: WorkflowJob, deps: WorkerDeps) {
  await store.releaseEntryLock(job.tx, job.instanceId);
  const unitId = str(job.variables.entryUnitId) ?? need(job.variables, 'initiatorUnitId');
  await store.recordCatalogEvent(job.tx, {
    unitId,
    entryId: str(job.variables.entryId) ?? null,
    instanceId: job.instanceId,
    processKey: job.processKey,
    kind: 'rejected',
    at: deps.now(),
  });
  return undefined;
}

/** `catalog.record-return`: one 退回 fact per return, for "entries returned" in the statistics. */
async function recordReturn(job: WorkflowJob, deps: WorkerDeps) {
  const v = job.variables;
  await store.recordCatalogEvent(job.tx, {
    unitId: str(v.entryUnitId) ?? need(v, 'initiatorUnitId'),
    entryId: str(v.entryId) ?? null,
    instanceId: job.instanceId,
    processKey: job.processKey,
    kind: 'returned',
    at: deps.now(),
  });
  const returns = typeof v.returns === 'number' ? v.returns + 1 : 1;
  return { variables: { returns } };
}

export function createCatalogWorkers(deps: WorkerDeps): Record<string, WorkflowJobWorker> {
  return {
    'catalog.publish-entry': (job) => publishEntry(job, deps),
    'catalog.check-change': (job) => checkChange(job),
    'catalog.apply-change': (job) => applyChange(job, deps),
    'catalog.release-change': (job) => releaseChange(job, deps),
    'catalog.record-return': (job) => recordReturn(job, deps),
  };
}
