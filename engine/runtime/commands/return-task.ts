/**
 * @module 退回 return: the holder of an open task sends the instance back to a user task completed earlier in it
 * (or to the start step, when the process has a start form). One `token.move`: the open task is cancelled with its
 * timers by the engine's own exit, the target opens afresh (new activation, a fresh due date in working days) for
 * the one who completed it last, with the variables they completed it with. Multi-instance: returning from one
 * item returns the whole element (every item closes); returning to a multi-instance task reopens all its items for
 * their own assignees. Refused with 409 and the reason: a step that never ran, one in another parallel branch, one
 * inside a multi-instance body or a boundary path.
 */
import { type DefinitionRow, type InstanceRow, readHistory, type TaskRow } from '../../store';
import { returnRefusal, START_STEP } from '../../index';
import type { Json, Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import { definitionById } from '../definitions';
import type { StepOutcome } from '../step';
import { canCompleteTask } from '../task-access';
import type { RuntimeContext, RuntimeUser } from '../types';
import { taskClosedError, visibleTask } from './complete-user-task';
import { moveTokens, readRunning } from './move-tokens';

export interface ReturnTarget {
  elementId: string;
  name: string;
  lastAssignee: string | null;
}

interface Candidate extends ReturnTarget {
  variables: Vars;
  multiInstance: boolean;
  start: boolean;
}

const conflict = (message: string, messageEn: string) => new AppError('CONFLICT', message, { messageEn });

/** The steps a task may be returned to: completed earlier in its instance, reachable from it (same or outer branch). */
export async function returnTargets(
  rt: RuntimeContext,
  taskId: string,
  user: RuntimeUser,
): Promise<ReturnTarget[]> {
  const task = await visibleTask(rt, taskId, user);
  if (task.status !== 'open') return [];
  const def = await definitionById(rt, rt.db, (await readRunning(rt, task.instanceId)).definitionId);
  // An added signer only gives an opinion; the start step has nothing before it.
  if (task.taskKey.includes('+') || task.elementId === startStepOf(def)?.elementId) return [];
  const all = await candidates(rt, task, def);
  return all
    .filter((c) => c.start || !returnRefusal(def.compiled, task.elementId, c.elementId))
    .map(({ elementId, name, lastAssignee }) => ({ elementId, name, lastAssignee }));
}

async function candidates(rt: RuntimeContext, task: TaskRow, def: DefinitionRow): Promise<Candidate[]> {
  const history = await readHistory(rt.db, task.instanceId);
  const startStep = startStepOf(def);
  const names = new Map(def.compiled.info.userTasks.map((t) => [t.elementId, t.name ?? t.elementId]));
  const multi = multiInstanceIds(def);
  const found = new Map<string, Candidate>();
  let starter: string | null = null;
  for (const h of history) {
    if (h.type === 'instance.started') starter = h.actor ?? null;
    if (h.type !== 'task.completed' || !h.elementId || h.elementId === task.elementId) continue;
    const data = (h.data ?? {}) as { variables?: Json; signer?: boolean };
    // An added signer's opinion is not a completion of the step: the holder is who it goes back to.
    if (data.signer) continue;
    found.delete(h.elementId); // latest completion last: the list follows the order the steps were done
    found.set(h.elementId, {
      elementId: h.elementId,
      name: names.get(h.elementId) ?? startStep?.name ?? h.elementId,
      lastAssignee: multi.has(h.elementId) ? null : (h.actor ?? null),
      variables: (data.variables && typeof data.variables === 'object' && !Array.isArray(data.variables)
        ? data.variables
        : {}) as Vars,
      multiInstance: multi.has(h.elementId),
      start: h.elementId === startStep?.elementId,
    });
  }
  const out = [...found.values()];
  if (startStep && !found.has(startStep.elementId))
    out.unshift({
      elementId: startStep.elementId,
      name: startStep.name,
      lastAssignee: starter,
      variables: {},
      multiInstance: false,
      start: true,
    });
  return out;
}

export interface ReturnTaskInput {
  taskId: string;
  toElementId: string;
  comment: string;
  user: RuntimeUser;
}

export async function returnTask(rt: RuntimeContext, input: ReturnTaskInput): Promise<StepOutcome> {
  let instanceId: string | null = null;
  {
    const task = await visibleTask(rt, input.taskId, input.user);
    instanceId = task.instanceId;
  }
  return moveTokens(rt, instanceId, async (_instance: InstanceRow, def) => {
    // Read afresh on every try: a completion that won the race makes this a 409, never a second act.
    const task = await visibleTask(rt, input.taskId, input.user);
    if (task.status !== 'open') throw taskClosedError(task);
    if (!canCompleteTask(input.user, task, rt.roles) || task.owner !== null)
      throw new AppError('FORBIDDEN', '只有任务的办理人可以退回', {
        messageEn: 'Only the holder of the task may return it',
      });
    if (task.taskKey.includes('+'))
      throw new AppError('FORBIDDEN', '加签人只能签署意见，不能退回', {
        messageEn: 'An added signer gives an opinion; they cannot return the step',
      });
    if (task.elementId === startStepOf(def)?.elementId)
      throw conflict('发起步骤之前没有可退回的步骤', 'Nothing comes before the start step');
    const target = (await candidates(rt, task, def)).find((c) => c.elementId === input.toElementId);

    if (!target)
      throw conflict(
        `步骤 ${input.toElementId} 在本流程实例中尚未办理过，不能退回到该步骤`,
        `step ${input.toElementId} never ran in this instance; it cannot be returned to`,
      );
    if (!target.start) {
      const refusal = returnRefusal(def.compiled, task.elementId, target.elementId);
      if (refusal) throw conflict(refusal.message, refusal.messageEn);
    }
    const startStep = startStepOf(def);
    return {
      event: {
        targets: [target.start ? START_STEP : target.elementId],
        ...(target.start && startStep ? { startElementId: startStep.elementId } : {}),
        history: 'task.returned',
        from: task.elementId,
        comment: input.comment,
        actor: input.user.username,
        ...(target.lastAssignee && !target.multiInstance ? { assignee: target.lastAssignee } : {}),
        ...(Object.keys(target.variables).length ? { variables: target.variables } : {}),
      },
    };
  });
}

/** The reopenable start step: the none start event with the start form (compile/moves.ts adds its state). */
export function startStepOf(def: DefinitionRow): { elementId: string; name: string } | null {
  const states = ((def.compiled.machine as any).states ?? {}) as Record<string, any>;
  const step = states[START_STEP];
  if (!step) return null;
  return { elementId: step.meta.bpmn.id, name: step.meta.bpmn.name ?? '发起' };
}

function multiInstanceIds(def: DefinitionRow): Set<string> {
  const ids = new Set<string>();
  const walk = (node: any) => {
    for (const child of Object.values((node?.states ?? {}) as Record<string, any>)) {
      const entry = JSON.stringify(child?.entry ?? []);
      if (child?.meta?.bpmn?.id && entry.includes('userTask.openLoop')) ids.add(child.meta.bpmn.id);
      walk(child);
    }
  };
  walk(def.compiled.machine);
  return ids;
}
