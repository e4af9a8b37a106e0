/**
 * @module The actions and guards of `token.move` (see compile/moves.ts) and of the reopened start step. A move
 * records why it happened (`task.returned`, `instance.withdrawn`, `instance.modified`) with the actor and the
 * comment, merges the variables it carries, and leaves a hint for the target user task: reopen for this assignee.
 */
import type { ActionFn, GuardFn } from '../elements/element-handler';
import type { TaskSpec } from '../contract';
import { type Ctx, emit, history, keyOf } from './context';
import { activationOf, mergeVars, openItem } from './ops';

/** The reopen hint a user task (or the start step) consumes on entry: who gets it back. */
export function takeReopen(ctx: Ctx, el: string): { ctx: Ctx; assignee?: string } {
  const hint = ctx.reopen?.[el];
  if (!hint) return { ctx };
  const reopen = { ...ctx.reopen };
  delete reopen[el];
  return { ctx: { ...ctx, reopen }, assignee: hint.assignee };
}

export const moveGuards: Record<string, GuardFn> = {
  'move.to': (_ctx, e, p) => Array.isArray(e.targets) && e.targets.includes(p.el),
  'move.exit': (_ctx, e, p) => Array.isArray(e.exits) && e.exits.some((x: string) => p.els.includes(x)),
};

export const moveActions: Record<string, ActionFn> = {
  'move.apply': (ctx, e, p) => {
    const data: Record<string, string> = {};
    if (e.comment) data.comment = String(e.comment);
    if (e.from) data.from = String(e.from);
    if (p.el === null) {
      for (const x of e.exits as string[]) {
        // The act (with who and why) and the element's end, as an interruption records it.
        history(String(e.history ?? 'token.moved'), x, { ...data, terminated: true });
        history('element.terminated', x, data);
      }
      return ctx;
    }
    // Recorded on the step the act was done at (a return's source), naming where the token went.
    const target = p.el === '$startStep' ? String(e.startElementId) : p.el;
    history(String(e.history ?? 'token.moved'), e.from ? String(e.from) : target, {
      ...data,
      toElementId: target,
    });
    let next = mergeVars(ctx, e.variables);
    if (e.assignee) {
      const key = p.el === '$startStep' ? String(e.startElementId) : p.el;
      next = { ...next, reopen: { ...(next.reopen ?? {}), [key]: { assignee: String(e.assignee) } } };
    }
    return next;
  },
  /** The reopened start step: a task with the start form for the starter (who the move names). */
  'startStep.open': (ctx, _e, p) => {
    const taken = takeReopen(ctx, p.el);
    const act = activationOf(taken.ctx, p.el);
    const taskKey = keyOf(p.el, act);
    const task: TaskSpec = { candidateGroups: [], candidateUsers: [], formKey: p.formKey };
    if (taken.assignee) task.assignee = taken.assignee;
    emit({ type: 'task.opened', taskKey, name: p.name, elementId: p.el, activation: act, ...task });
    history('task.created', p.el, { taskKey });
    return openItem(taken.ctx, taskKey, { t: 'task', el: p.el, act });
  },
};
