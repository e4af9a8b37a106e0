/**
 * @module User task (zeebe:userTask): assignmentDefinition (assignee, candidateGroups, candidateUsers), taskSchedule
 * (dueDate, followUpDate), formDefinition, priority; static or FEEL. Every activation opens a new task; with
 * multi-instance, one task per item (localVars) and the loop decides when the element is done.
 */
import type { Json, TaskSpec, Vars } from '../../contract';
import { type Ctx, emit, history, keyOf } from '../../exec/context';
import { takeReopen } from '../../exec/move';
import { activationOf, dropItem, evaluateAll, mergeVars, openItem, raiseIncident } from '../../exec/ops';
import type { ModelElement } from '../../types';
import { elementState, leaveOn } from '../behaviors/activity';
import { checkFeel } from '../behaviors/feel-check';
import {
  completeOne,
  finishLoop,
  indicesToOpen,
  type LoopSpec,
  localVarsOf,
  loopDone,
  loopSpec,
  startLoop,
  validateLoop,
} from '../behaviors/multi-instance';
import { ext } from '../behaviors/zeebe';
import type { AnyEvent, ElementHandler } from '../element-handler';
import { completedKey, signerActions, signerGuards, signerParts } from './signers';

interface UserTaskSpec {
  el: string;
  name: string;
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  priority?: string;
  loop?: LoopSpec | null;
}

function specOf(el: ModelElement): UserTaskSpec {
  const a = ext(el.source, 'zeebe:AssignmentDefinition');
  const s = ext(el.source, 'zeebe:TaskSchedule');
  const f = ext(el.source, 'zeebe:FormDefinition');
  const p = ext(el.source, 'zeebe:PriorityDefinition');
  const clean = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    el: el.id,
    name: el.name ?? el.id,
    assignee: clean(a?.assignee),
    candidateGroups: clean(a?.candidateGroups),
    candidateUsers: clean(a?.candidateUsers),
    dueDate: clean(s?.dueDate),
    followUpDate: clean(s?.followUpDate),
    formKey: clean(f?.formId) ?? clean(f?.formKey),
    priority: clean(p?.priority),
    loop: loopSpec(el),
  };
}

export const userTaskFormKey = (el: ModelElement) => specOf(el).formKey;

const list = (v: Json | undefined): string[] =>
  v === undefined || v === null
    ? []
    : Array.isArray(v)
      ? v.map(String)
      : String(v)
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);

/** Evaluate the task's expressions and emit task.opened; a failing expression becomes an incident instead. */
function openTask(ctx0: Ctx, spec: UserTaskSpec, loopIndex?: number, localVars?: Vars): Ctx {
  // A task reopened by 退回 goes back to the one who completed it, whatever its assignment expressions say now.
  const reopen = loopIndex === undefined ? takeReopen(ctx0, spec.el) : { ctx: ctx0 };
  const ctx = reopen.ctx;
  const act = activationOf(ctx, spec.el);
  const r = evaluateAll(
    ctx,
    {
      assignee: spec.assignee,
      candidateGroups: spec.candidateGroups,
      candidateUsers: spec.candidateUsers,
      dueDate: spec.dueDate,
      followUpDate: spec.followUpDate,
      priority: spec.priority,
    },
    localVars,
  );
  if (!r.ok) return raiseIncident(ctx, spec.el, 'expression', r.message, r.expression);
  const v = r.value;
  const task: TaskSpec = { candidateGroups: list(v.candidateGroups), candidateUsers: list(v.candidateUsers) };
  if (v.assignee !== undefined && v.assignee !== null && v.assignee !== '')
    task.assignee = String(v.assignee);
  if (reopen.assignee) {
    task.assignee = reopen.assignee;
    task.candidateGroups = [];
    task.candidateUsers = [];
  }
  if (typeof v.dueDate === 'string') {
    task.dueAt = v.dueDate;
    task.dueProvisional = r.provisional;
  }
  if (typeof v.followUpDate === 'string') task.followUpAt = v.followUpDate;
  if (spec.formKey) task.formKey = spec.formKey;
  if (v.priority !== undefined && v.priority !== null && Number.isFinite(Number(v.priority)))
    task.priority = Number(v.priority);
  if (localVars) task.localVars = localVars;
  const taskKey = keyOf(spec.el, act, loopIndex);
  const ref =
    loopIndex === undefined
      ? { elementId: spec.el, activation: act }
      : { elementId: spec.el, activation: act, loopIndex };
  emit({ type: 'task.opened', taskKey, name: spec.name, ...ref, ...task });
  history('task.created', spec.el, { taskKey });
  return openItem(ctx, taskKey, { t: 'task', el: spec.el, act, loopIndex, localVars });
}

function openLoopTasks(ctx: Ctx, spec: UserTaskSpec): Ctx {
  const loop = spec.loop as LoopSpec;
  let next = ctx;
  for (const i of indicesToOpen(loop, next.mi[spec.el])) {
    next = openTask(next, spec, i, localVarsOf(loop, next.mi[spec.el], i));
    next = { ...next, mi: { ...next.mi, [spec.el]: { ...next.mi[spec.el], next: i + 1 } } };
  }
  return next;
}

function closeCompleted(ctx: Ctx, e: AnyEvent): Ctx {
  const taskKey = completedKey(e);
  emit({ type: 'task.closed', taskKey, reason: 'completed' });
  history('task.completed', e.elementId, { taskKey, variables: e.variables ?? {} });
  return dropItem(ctx, taskKey);
}

export const userTask: ElementHandler<'userTask'> = {
  kind: 'userTask',
  validate: (el) => {
    const s = specOf(el);
    const labels: [keyof UserTaskSpec, string, string][] = [
      ['assignee', '处理人', 'assignee'],
      ['candidateGroups', '候选组', 'candidateGroups'],
      ['candidateUsers', '候选人', 'candidateUsers'],
      ['dueDate', '到期时间', 'dueDate'],
      ['followUpDate', '跟进时间', 'followUpDate'],
      ['priority', '优先级', 'priority'],
    ];
    return [
      ...labels.flatMap(([k, zh, en]) => checkFeel(el.id, s[k] as string | undefined, [zh, en])),
      ...validateLoop(el),
    ];
  },
  compile: (el, cc) => {
    const spec = specOf(el);
    const matches = { type: 'task.matches', params: { el: el.id } };
    if (!spec.loop) {
      const exit = leaveOn(el.id, cc.next(el), [{ type: 'userTask.complete' }], matches);
      // 加签/减签 (signers.ts): a signer's completion and a holder's completion that waits for signers stay here.
      const signers = signerParts(
        el.id,
        { el: el.id, name: spec.name, formKey: spec.formKey },
        cc.next(el),
        matches,
      );
      return elementState(el, cc, {
        entry: [{ type: 'userTask.open', params: spec }],
        on: {
          'task.complete': [...signers.complete, exit.on],
          'task.addSigners': signers.add,
          'task.removeSigners': signers.remove,
        },
        exit: signers.exit,
      });
    }
    return elementState(el, cc, {
      entry: [{ type: 'userTask.openLoop', params: spec }],
      on: {
        'task.complete': [{ guard: matches, actions: [{ type: 'userTask.completeOne', params: spec }] }],
      },
      always: [
        {
          guard: { type: 'loop.done', params: { el: el.id } },
          target: cc.next(el),
          actions: [
            { type: 'loop.finish', params: { el: el.id, loop: spec.loop } },
            { type: 'element.complete', params: { el: el.id } },
          ],
        },
      ],
    });
  },
  actions: {
    'userTask.open': (ctx, _e, spec) => openTask(ctx, spec),
    'userTask.complete': (ctx, e) => mergeVars(closeCompleted(ctx, e), e.variables),
    'userTask.openLoop': (ctx, _e, spec) => {
      const started = startLoop(ctx, spec.el, spec.loop);
      return 'incident' in started ? started.incident : openLoopTasks(started, spec);
    },
    'userTask.completeOne': (ctx, e, spec) => {
      const done = completeOne(
        closeCompleted(ctx, e),
        spec.el,
        spec.loop,
        e.loopIndex ?? 0,
        e.variables ?? {},
      );
      return openLoopTasks(done, spec);
    },
    'loop.finish': (ctx, _e, p) => finishLoop(ctx, p.el, p.loop),
    ...signerActions,
  },
  guards: {
    ...signerGuards,
    'loop.done': (ctx, _e, p) => loopDone(ctx, p.el),
  },
};
