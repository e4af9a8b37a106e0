/**
 * @module The step: restore → engine.stepProcess → write the snapshot `WHERE version = $v` together with every effect
 * row, as one statement (engine/store/step-write.ts). Inside a transaction (stepInstance, createInstance) call
 * activities recurse: a child's start and end run in the same transaction. A step that starts, cancels or resumes no
 * other instance needs nothing but that statement, so commitStep / commitStart write it without a transaction.
 */
import { randomUUID } from 'node:crypto';
import type { EngineEvent, StartInput, StepResult, Vars } from '../contract';
import { AppError } from '../../platform/errors';
import {
  type Db,
  type DefinitionRow,
  type DeleteRows,
  findChildInstance,
  type InstanceRow,
  loadInstance,
  type StepWrites,
  type Tx,
  writeStep,
} from '../store';
import { type ChildEffect, collectWrites } from './apply-effects';
import { deliverSignal } from './signal-delivery';
import { afterSubscriptionsOpened, type BufferFns } from './message-buffer';
import { definitionById, latestDefinitionOf } from './definitions';
import { VersionConflict } from './retry';
import { transactionOnce } from './transaction';
import type { RuntimeContext } from './types';

const TERMINAL = new Set(['completed', 'cancelled']);

export interface OpenedTask {
  id: string;
  elementId: string;
  name: string;
}

export interface StepOutcome {
  instance: InstanceRow;
  /** Set when the engine matched nothing (stale timer, old activation) and the caller chose to ignore it. */
  rejected?: string;
  /** What the step emitted (empty when rejected). */
  effects: StepResult['effects'];
  /** The user tasks this step opened on this instance. */
  openedTasks: OpenedTask[];
}

function ended(instance: InstanceRow, options: { ignoreRejected?: boolean }): StepOutcome {
  if (options.ignoreRejected)
    return { instance, rejected: `instance is ${instance.status}`, effects: [], openedTasks: [] };
  throw new AppError('CONFLICT', '流程实例已结束', {
    messageEn: `The instance is already ${instance.status}`,
  });
}

function rejectedEvent(reason: string): AppError {
  return new AppError('CONFLICT', '该操作已失效（任务可能已被处理）', {
    messageEn: `The event no longer applies: ${reason}`,
    details: { reason },
  });
}

/** The pure part: the engine's result and the rows it becomes. */
async function compute(
  rt: RuntimeContext,
  db: Parameters<typeof definitionById>[1],
  instance: InstanceRow,
  event: EngineEvent,
  actor: string | null,
) {
  const def = await definitionById(rt, db, instance.definitionId);
  const result = rt.engine.stepProcess(def.compiled, instance.snapshot, event, { calendar: rt.calendar });
  if ('rejected' in result) return { def, rejected: result.reason } as const;
  const at = new Date(event.at);
  const patch: Partial<InstanceRow> = {
    snapshot: result.snapshot,
    status: result.status,
    variables: result.variables,
    activeElementIds: result.activeElementIds,
    updatedAt: new Date(),
    ...(TERMINAL.has(result.status) ? { endedAt: at } : {}),
  };
  const collected = collectWrites(rt, instance, def, result.effects, at, actor);
  collected.writes.terminal = TERMINAL.has(result.status);
  return { def, result, at, actor, patch, ...collected } as const;
}

type Computed = Exclude<Awaited<ReturnType<typeof compute>>, { rejected: string }>;

/** The task a completion answers: closed by the step's statement even if the engine emitted no `task.closed`. */
export interface TaskToClose {
  taskKey: string;
  by: string;
}

function ensureClosed(writes: Pick<StepWrites, 'closeTasks'>, close: TaskToClose | undefined) {
  if (close && !writes.closeTasks.some((t) => t.taskKey === close.taskKey))
    writes.closeTasks.push({ taskKey: close.taskKey, status: 'completed', by: close.by });
}

/** 审批意见: the completion's comment goes on its own `task.completed` history row, where the timeline reads it. */
function addComment(
  writes: Pick<StepWrites, 'history'>,
  close: TaskToClose | undefined,
  comment: string | undefined,
) {
  if (!close || !comment) return;
  for (const h of writes.history) {
    const data = h.data as { taskKey?: string } | null;
    if (h.type === 'task.completed' && data?.taskKey === close.taskKey) h.data = { ...data, comment };
  }
}

/** A call-activity child that completes resumes its parent: another instance's step, so a transaction. */
const resumesParent = (instance: InstanceRow, status: string) =>
  status === 'completed' && instance.parentInstanceId !== null;

const openedOf = (tasks: { id?: string; elementId: string; name: string }[]): OpenedTask[] =>
  tasks.map((t) => ({ id: t.id as string, elementId: t.elementId, name: t.name }));

/** A computed step written with `db` (a transaction when `tx` is set); throws VersionConflict when a racing step won. */
async function writeComputed(
  rt: RuntimeContext,
  db: Db | Tx,
  instance: InstanceRow,
  c: Computed,
  inTx: boolean,
): Promise<StepOutcome> {
  if (!(await writeStep(db, { instance: { update: { current: instance, patch: c.patch } }, ...c.writes })))
    throw new VersionConflict(instance.id);
  if (c.writes.jobs.length > 0) {
    // In a transaction the job loop is kicked after the commit (transaction.ts), not before.
    if (inTx) rt.jobsCreated = true;
    else rt.onJobsCreated();
  }
  const updated: InstanceRow = { ...instance, ...c.patch, version: instance.version + 1 };
  const after = inTx ? await afterWrite(rt, db as Tx, updated, c.children, c.at, c.actor) : updated;
  return {
    instance: await withBufferedMessages(rt, db, inTx, after, c.writes.subscriptions),
    effects: c.result.effects,
    openedTasks: openedOf(c.writes.tasks),
  };
}

/** The step inside the caller's transaction (timers, messages, cancels, jobs, a parent resumed by its child). */
export async function stepInstance(
  rt: RuntimeContext,
  tx: Tx,
  instance: InstanceRow,
  event: EngineEvent,
  options: {
    actor?: string | null;
    ignoreRejected?: boolean;
    /** A job the step completes: its row is updated in the step's statement (not when the event is rejected). */
    finishJob?: string;
    closeTask?: TaskToClose;
  } = {},
): Promise<StepOutcome> {
  if (TERMINAL.has(instance.status)) return ended(instance, options);
  const c = await compute(rt, tx, instance, event, options.actor ?? null);
  if ('rejected' in c) {
    if (options.ignoreRejected) return { instance, rejected: c.rejected, effects: [], openedTasks: [] };
    throw rejectedEvent(c.rejected as string);
  }
  if (options.finishJob) c.writes.finishJob = { id: options.finishJob, status: 'completed' };
  ensureClosed(c.writes, options.closeTask);
  return writeComputed(rt, tx, instance, c, true);
}

/**
 * The step of a command that read its instance outside any transaction (a task completion): computed once, then
 * written as one autocommitted statement, or — when it starts or cancels a call-activity child or resumes a
 * parent, which are other instances' steps — as that statement and those steps in one transaction. Either way the
 * write is guarded by the version read, so a racing step that won makes it throw VersionConflict and write
 * nothing; the caller's `retrying` (retry.ts) then reads again.
 */
export async function commitStep(
  rt: RuntimeContext,
  instance: InstanceRow,
  event: EngineEvent,
  options: {
    actor?: string | null;
    closeTask?: TaskToClose;
    comment?: string;
    /** The caller's rows that go with the step (StepWrites.deleteRows). */
    deleteRows?: DeleteRows[];
  } = {},
): Promise<StepOutcome> {
  if (TERMINAL.has(instance.status)) return ended(instance, {});
  const c = await compute(rt, rt.db, instance, event, options.actor ?? null);
  if ('rejected' in c) throw rejectedEvent(c.rejected as string);
  ensureClosed(c.writes, options.closeTask);
  addComment(c.writes, options.closeTask, options.comment);
  if (options.deleteRows?.length) c.writes.deleteRows = options.deleteRows;
  if (c.children.length === 0 && !resumesParent(instance, c.result.status))
    return writeComputed(rt, rt.db, instance, c, false);
  return transactionOnce(rt, (tx) => writeComputed(rt, tx, instance, c, true));
}

export interface NewInstanceInput {
  variables: Vars;
  businessKey?: string | null;
  actor?: string | null;
  unitId?: string | null;
  startEventId?: string;
  parent?: { instanceId: string; ref: NonNullable<InstanceRow['parentRef']> };
}

/** The start as rows: the new instance (id made here) and what its first step emitted. */
function computeStart(rt: RuntimeContext, def: DefinitionRow, input: NewInstanceInput) {
  const at = rt.clock.now();
  const startInput: StartInput = {
    variables: input.variables,
    at: at.toISOString(),
    ...(input.businessKey ? { businessKey: input.businessKey } : {}),
    ...(input.actor ? { actor: input.actor } : {}),
    ...(input.startEventId ? { startEventId: input.startEventId } : {}),
  };
  const result = rt.engine.startProcess(def.compiled, startInput, { calendar: rt.calendar });
  const wall = new Date();
  const row: InstanceRow = {
    id: randomUUID(),
    definitionId: def.id,
    processKey: def.key,
    definitionVersion: def.version,
    snapshot: result.snapshot,
    version: 1,
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
    createdAt: wall,
    updatedAt: wall,
  };
  return { at, result, row, ...collectWrites(rt, row, def, result.effects, at, input.actor ?? null) };
}

export interface CreatedInstance {
  row: InstanceRow;
  /** The user tasks the start opened on the new instance. */
  openedTasks: OpenedTask[];
}

export async function createInstance(
  rt: RuntimeContext,
  tx: Tx,
  def: DefinitionRow,
  input: NewInstanceInput,
): Promise<InstanceRow> {
  return (await createInstanceWithTasks(rt, tx, def, input)).row;
}

export async function createInstanceWithTasks(
  rt: RuntimeContext,
  tx: Tx,
  def: DefinitionRow,
  input: NewInstanceInput,
): Promise<CreatedInstance> {
  return writeStart(rt, tx, computeStart(rt, def, input), input, true);
}

async function writeStart(
  rt: RuntimeContext,
  db: Db | Tx,
  s: ReturnType<typeof computeStart>,
  input: NewInstanceInput,
  inTx: boolean,
): Promise<CreatedInstance> {
  await writeStep(db, { instance: { insert: s.row }, ...s.writes });
  if (s.writes.jobs.length > 0) {
    if (inTx) rt.jobsCreated = true;
    else rt.onJobsCreated();
  }
  const after = inTx ? await afterWrite(rt, db as Tx, s.row, s.children, s.at, input.actor ?? null) : s.row;
  const row = await withBufferedMessages(rt, db, inTx, after, s.writes.subscriptions);
  return { row, openedTasks: openedOf(s.writes.tasks) };
}

/**
 * A new instance from a command outside any transaction (a user's start): one autocommitted statement, or a
 * transaction when the start starts a call-activity child or ends at once as a child. Not retried here: the
 * caller's `retrying` runs it again (a new instance id each time) if the database aborted it.
 */
export async function commitStart(
  rt: RuntimeContext,
  def: DefinitionRow,
  input: NewInstanceInput,
): Promise<CreatedInstance> {
  const s = computeStart(rt, def, input);
  if (s.children.length === 0 && !resumesParent(s.row, s.result.status))
    return writeStart(rt, rt.db, s, input, false);
  return transactionOnce(rt, (tx) => writeStart(rt, tx, s, input, true));
}

/** stepInstance and createInstance for the message buffer (runtime/message-buffer.ts), which step.ts calls. */
export const bufferFnsOf = (rt: RuntimeContext): BufferFns => ({
  step: (tx, instance, event, options) => stepInstance(rt, tx, instance, event, options),
  create: (tx, def, start) => createInstance(rt, tx, def, start),
});

/** A step that opened message subscriptions receives the buffered messages they wait for (the row read again if so). */
async function withBufferedMessages(
  rt: RuntimeContext,
  db: Db | Tx,
  inTx: boolean,
  row: InstanceRow,
  opened: StepWrites['subscriptions'],
): Promise<InstanceRow> {
  if (opened.length === 0 || !(await afterSubscriptionsOpened(rt, db, inTx, row, opened, bufferFnsOf(rt))))
    return row;
  return (await loadInstance(db, row.id)) ?? row;
}

/** Children, then (for a finished call-activity child) the parent's resumption. */
async function afterWrite(
  rt: RuntimeContext,
  tx: Tx,
  row: InstanceRow,
  children: ChildEffect[],
  at: Date,
  actor: string | null,
): Promise<InstanceRow> {
  if (children.length > 0) await applyChildren(rt, tx, row, children, at, actor);
  // A child started or cancelled may have stepped this instance again.
  let current = children.length > 0 ? ((await loadInstance(tx, row.id)) ?? row) : row;
  // Live work of an ended instance was closed by its step's statement (StepWrites.terminal).
  if (current.status === 'completed' && current.parentInstanceId && current.parentRef) {
    await resumeParent(rt, tx, current, at);
    current = (await loadInstance(tx, row.id)) ?? current;
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

/** Starts or cancels the call-activity children a step asked for, in the step's transaction. */
async function applyChildren(
  rt: RuntimeContext,
  tx: Tx,
  inst: InstanceRow,
  children: ChildEffect[],
  at: Date,
  actor: string | null,
): Promise<void> {
  for (const c of children) {
    if (c.type === 'child.start') await startChild(rt, tx, inst, c);
    else if (c.type === 'signal.broadcast')
      await deliverSignal(
        rt,
        tx,
        { signalName: c.signalName, variables: c.variables, actor },
        bufferFnsOf(rt),
      );
    else await cancelChild(rt, tx, inst, c.childKey, at, actor);
  }
}

async function startChild(
  rt: RuntimeContext,
  tx: Tx,
  parent: InstanceRow,
  e: Extract<ChildEffect, { type: 'child.start' }>,
) {
  const def = await latestDefinitionOf(rt, tx, e.processId);
  const variables = { initiator: parent.startedBy, initiatorUnitId: parent.unitId, ...e.variables };
  await createInstance(rt, tx, def, {
    variables,
    businessKey: e.businessKey ?? parent.businessKey,
    actor: parent.startedBy,
    unitId: parent.unitId,
    parent: {
      instanceId: parent.id,
      ref: {
        childKey: e.childKey,
        elementId: e.elementId,
        activation: e.activation,
        ...(e.loopIndex !== undefined ? { loopIndex: e.loopIndex } : {}),
      },
    },
  });
}

async function cancelChild(
  rt: RuntimeContext,
  tx: Tx,
  parent: InstanceRow,
  childKey: string,
  at: Date,
  actor: string | null,
) {
  const child = await findChildInstance(tx, parent.id, childKey);
  if (!child) return;
  const event = {
    type: 'instance.cancel' as const,
    reason: 'parent',
    at: at.toISOString(),
    ...(actor ? { actor } : {}),
  };
  await stepInstance(rt, tx, child, event, { actor, ignoreRejected: true });
}
