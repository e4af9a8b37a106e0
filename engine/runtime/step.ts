/**
 * @module The step: restore → engine.stepProcess → write the snapshot with `WHERE version = $v` and every effect
 * in the caller's transaction. Call activities recurse here: a child's start and end run in the same transaction.
 */
import type { Effect, EngineEvent, StartInput, StepResult, Vars } from '../contract';
import { AppError } from '../errors';
import {
  cancelOpenTasks,
  closeInstanceWork,
  type DefinitionRow,
  type InstanceRow,
  insertInstance,
  loadInstance,
  type Tx,
  updateInstanceVersioned,
} from '../store';
import { applyEffects } from './apply-effects';
import { definitionById } from './definitions';
import { VersionConflict } from './transaction';
import type { RuntimeContext } from './types';

const TERMINAL = new Set(['completed', 'cancelled']);

export interface StepOutcome {
  instance: InstanceRow;
  /** Set when the engine matched nothing (stale timer, old activation) and the caller chose to ignore it. */
  rejected?: string;
  /** What the step emitted (empty when rejected). */
  effects: Effect[];
}

export async function stepInstance(
  rt: RuntimeContext,
  tx: Tx,
  instance: InstanceRow,
  event: EngineEvent,
  options: { actor?: string | null; ignoreRejected?: boolean } = {},
): Promise<StepOutcome> {
  if (TERMINAL.has(instance.status)) {
    if (options.ignoreRejected) return { instance, rejected: `instance is ${instance.status}`, effects: [] };
    throw new AppError('CONFLICT', '流程实例已结束', {
      messageEn: `The instance is already ${instance.status}`,
    });
  }
  const def = await definitionById(rt, tx, instance.definitionId);
  const result = rt.engine.stepProcess(def.compiled, instance.snapshot, event, { calendar: rt.calendar });
  if ('rejected' in result) {
    if (options.ignoreRejected) return { instance, rejected: result.reason, effects: [] };
    throw new AppError('CONFLICT', '该操作已失效（任务可能已被处理）', {
      messageEn: `The event no longer applies: ${result.reason}`,
      details: { reason: result.reason },
    });
  }
  const at = new Date(event.at);
  const updated = await updateInstanceVersioned(tx, instance, {
    snapshot: result.snapshot,
    status: result.status,
    variables: result.variables,
    activeElementIds: result.activeElementIds,
    ...(TERMINAL.has(result.status) ? { endedAt: at } : {}),
  });
  if (!updated) throw new VersionConflict(instance.id);
  return {
    instance: await afterWrite(rt, tx, updated, def, result, at, options.actor ?? null),
    effects: result.effects,
  };
}

export interface NewInstanceInput {
  variables: Vars;
  businessKey?: string | null;
  actor?: string | null;
  unitId?: string | null;
  startEventId?: string;
  parent?: { instanceId: string; ref: NonNullable<InstanceRow['parentRef']> };
}

export async function createInstance(
  rt: RuntimeContext,
  tx: Tx,
  def: DefinitionRow,
  input: NewInstanceInput,
): Promise<InstanceRow> {
  const at = rt.clock.now();
  const startInput: StartInput = {
    variables: input.variables,
    at: at.toISOString(),
    ...(input.businessKey ? { businessKey: input.businessKey } : {}),
    ...(input.actor ? { actor: input.actor } : {}),
    ...(input.startEventId ? { startEventId: input.startEventId } : {}),
  };
  const result = rt.engine.startProcess(def.compiled, startInput, { calendar: rt.calendar });
  const row = await insertInstance(tx, {
    definitionId: def.id,
    processKey: def.key,
    definitionVersion: def.version,
    snapshot: result.snapshot,
    status: result.status,
    businessKey: input.businessKey ?? null,
    unitId: input.unitId ?? null,
    startedBy: input.actor ?? null,
    parentInstanceId: input.parent?.instanceId ?? null,
    parentRef: input.parent?.ref ?? null,
    startedAt: at,
    endedAt: TERMINAL.has(result.status) ? at : null,
    variables: result.variables,
    activeElementIds: result.activeElementIds,
  });
  return afterWrite(rt, tx, row, def, result, at, input.actor ?? null);
}

/** Effects, then terminal clean-up, then (for a finished call-activity child) the parent's resumption. */
async function afterWrite(
  rt: RuntimeContext,
  tx: Tx,
  row: InstanceRow,
  def: DefinitionRow,
  result: StepResult,
  at: Date,
  actor: string | null,
): Promise<InstanceRow> {
  const touchedSelf = await applyEffects(rt, tx, row, def, result.effects, at, actor);
  let current = touchedSelf ? ((await loadInstance(tx, row.id)) ?? row) : row;
  if (TERMINAL.has(current.status)) {
    await cancelOpenTasks(tx, current.id, at);
    await closeInstanceWork(tx, current.id, at);
    if (current.status === 'completed' && current.parentInstanceId && current.parentRef) {
      await resumeParent(rt, tx, current, at);
      current = (await loadInstance(tx, row.id)) ?? current;
    }
  }
  return current;
}

async function resumeParent(rt: RuntimeContext, tx: Tx, child: InstanceRow, at: Date) {
  const parent = await loadInstance(tx, child.parentInstanceId as string);
  const ref = child.parentRef;
  if (!parent || !ref) return;
  const event: EngineEvent = {
    type: 'child.completed',
    elementId: ref.elementId,
    activation: ref.activation,
    ...(ref.loopIndex !== undefined ? { loopIndex: ref.loopIndex } : {}),
    variables: child.variables,
    at: at.toISOString(),
  };
  // A parent that moved on (cancelled, boundary event) no longer waits: the child's end is then just history.
  await stepInstance(rt, tx, parent, event, { ignoreRejected: true });
}
