/**
 * @module migrateInstances: running instances of one version moved onto another (Operate's migration). Each
 * instance is its own transaction: its snapshot is rewritten by the engine's migrateSnapshot (element ids renamed
 * by the mappings, checked against the target machine), its open work items follow their elements, and it records
 * `instance.migrated`; the timers and subscriptions of event subprocesses the target adds to its scopes are written
 * as a step's are. An instance that cannot be migrated fails with its reason and stays as it was. A dry run
 * computes the same per instance and writes nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { WorkdayCalendar } from '../../calendar';
import { type Mapping, migratableIdsOf, migrateSnapshot } from '../../index';
import { AppError } from '../../../platform/errors';
import {
  appendHistory,
  type DefinitionRow,
  getDefinitionVersion,
  type InstanceRow,
  loadInstance,
  processInstances,
  writeStep,
} from '../../store';
import { collectWrites } from '../apply-effects';
import { moveInstanceRows } from '../../store/migrate-rows';
import { definitionById } from '../definitions';
import { isUuid, notFound } from '../ids';
import { VersionConflict } from '../retry';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface MigrateInput {
  processKey: string;
  /** All running instances of this version… */
  fromVersion?: number;
  /** …or these instances (of any version of the key). */
  instanceIds?: string[];
  toVersion: number;
  mappings: Mapping[];
  dryRun?: boolean;
  user?: RuntimeUser;
}

export interface InstanceMigration {
  instanceId: string;
  fromVersion: number;
  ok: boolean;
  reason?: string;
  /** Active elements before, and where they are in the target version. */
  activeElementIds: string[];
  targetElementIds?: string[];
  renamed?: Record<string, string>;
}

export interface MigrationReport {
  /** Instances migrated (with dryRun: that would be). */
  migrated: number;
  failed: { instanceId: string; reason: string }[];
  dryRun: boolean;
  instances: InstanceMigration[];
}

const RUNNING: InstanceRow['status'][] = ['active', 'incident'];

export async function migrateInstances(rt: RuntimeContext, input: MigrateInput): Promise<MigrationReport> {
  const to = await versionOf(rt, input.processKey, input.toVersion);
  checkMappings(input.mappings, to, 'target');
  if (input.fromVersion !== undefined) {
    if (input.fromVersion === input.toVersion)
      throw new AppError('BAD_REQUEST', '源版本与目标版本相同', {
        messageEn: 'fromVersion and toVersion are the same',
      });
    checkMappings(input.mappings, await versionOf(rt, input.processKey, input.fromVersion), 'source');
  }
  const rows = await instancesOf(rt, input);
  const report: MigrationReport = { migrated: 0, failed: [], dryRun: !!input.dryRun, instances: [] };
  for (const row of rows) {
    const outcome = input.dryRun ? await plan(rt, row, to, input) : await migrateOne(rt, row.id, to, input);
    report.instances.push(outcome);
    if (outcome.ok) report.migrated++;
    else report.failed.push({ instanceId: outcome.instanceId, reason: outcome.reason ?? '' });
  }
  return report;
}

async function versionOf(rt: RuntimeContext, key: string, version: number): Promise<DefinitionRow> {
  const row = await getDefinitionVersion(rt.db, key, version);
  if (!row)
    throw new AppError('NOT_FOUND', `流程 ${key} 没有版本 ${version}`, {
      messageEn: `Process ${key} has no version ${version}`,
    });
  return definitionById(rt, rt.db, row.id);
}

/** A mapping naming an element the version does not have is a bad request, before any instance is looked at. */
function checkMappings(mappings: Mapping[], def: DefinitionRow, side: 'source' | 'target') {
  const ids = migratableIdsOf(def.compiled);
  for (const m of mappings) {
    const id = side === 'target' ? m.target : m.source;
    if (!ids.has(id))
      throw new AppError(
        'BAD_REQUEST',
        `映射的${side === 'target' ? '目标' : '源'}元素 ${id} 不在版本 ${def.version} 中`,
        {
          messageEn: `mapping ${side} ${id} is not an element of version ${def.version}`,
          details: { elementId: id, version: def.version },
        },
      );
  }
}

async function instancesOf(rt: RuntimeContext, input: MigrateInput): Promise<InstanceRow[]> {
  if (input.instanceIds) {
    const rows: InstanceRow[] = [];
    for (const id of input.instanceIds) {
      const row = isUuid(id) ? await loadInstance(rt.db, id) : undefined;
      if (!row || row.processKey !== input.processKey) throw notFound('流程实例', 'Process instance', id);
      if (!RUNNING.includes(row.status))
        throw new AppError('CONFLICT', '流程实例已结束，不能迁移', {
          messageEn: `The instance is ${row.status}; it cannot be migrated`,
        });
      if (row.definitionVersion === input.toVersion)
        throw new AppError('BAD_REQUEST', `流程实例已在版本 ${input.toVersion}`, {
          messageEn: `The instance already runs version ${input.toVersion}`,
        });
      rows.push(row);
    }
    return rows;
  }
  const t = processInstances;
  return rt.db
    .select()
    .from(t)
    .where(
      and(
        eq(t.processKey, input.processKey),
        eq(t.definitionVersion, input.fromVersion as number),
        inArray(t.status, RUNNING),
      ),
    )
    .orderBy(t.startedAt, t.id);
}

async function plan(
  rt: RuntimeContext,
  row: InstanceRow,
  to: DefinitionRow,
  input: MigrateInput,
): Promise<InstanceMigration> {
  const from = await definitionById(rt, rt.db, row.definitionId);
  const m = migrateSnapshot(from.compiled, to.compiled, row.snapshot, input.mappings, optionsOf(rt));
  const base = {
    instanceId: row.id,
    fromVersion: row.definitionVersion,
    activeElementIds: row.activeElementIds,
  };
  if (!m.ok) return { ...base, ok: false, reason: m.reason };
  return { ...base, ok: true, targetElementIds: m.activeElementIds, renamed: m.renamed };
}

async function migrateOne(
  rt: RuntimeContext,
  id: string,
  to: DefinitionRow,
  input: MigrateInput,
): Promise<InstanceMigration> {
  return inTransaction(rt, async (tx) => {
    const row = (await loadInstance(tx, id)) as InstanceRow;
    const base = {
      instanceId: row.id,
      fromVersion: row.definitionVersion,
      activeElementIds: row.activeElementIds,
    };
    if (!RUNNING.includes(row.status)) return { ...base, ok: false, reason: '流程实例已结束' };
    const from = await definitionById(rt, tx, row.definitionId);
    const m = migrateSnapshot(from.compiled, to.compiled, row.snapshot, input.mappings, optionsOf(rt));
    if (!m.ok) return { ...base, ok: false, reason: m.reason };
    const taskNames: Record<string, string> = {};
    for (const t of to.compiled.info.userTasks) if (t.name) taskNames[t.elementId] = t.name;
    const written = await moveInstanceRows(tx, {
      current: row,
      definitionId: to.id,
      definitionVersion: to.version,
      snapshot: m.snapshot,
      activeElementIds: m.activeElementIds,
      renamed: m.renamed,
      taskNames,
    });
    if (!written) throw new VersionConflict(row.id);
    if (m.effects.length) {
      // Triggers of added event subprocesses: their rows, written as a step's (guarded by the version just set).
      const at = rt.clock.now();
      const { writes } = collectWrites(rt, row, to, m.effects, at, input.user?.username ?? null);
      const current = { ...row, version: row.version + 1 };
      if (!(await writeStep(tx, { instance: { update: { current, patch: {} } }, ...writes })))
        throw new VersionConflict(row.id);
    }
    await appendHistory(tx, row.id, [
      {
        at: rt.clock.now().toISOString(),
        type: 'instance.migrated',
        ...(input.user ? { actor: input.user.username } : {}),
        data: {
          fromVersion: row.definitionVersion,
          toVersion: to.version,
          mappings: input.mappings.map((x) => ({ source: x.source, target: x.target })),
        },
      },
    ]);
    return { ...base, ok: true, targetElementIds: m.activeElementIds, renamed: m.renamed };
  });
}

const optionsOf = (rt: RuntimeContext) => ({
  at: rt.clock.now().toISOString(),
  calendar: rt.calendar as WorkdayCalendar,
});
