/**
 * @module 加签/减签 as engine state of a (non-multi-instance) user task. `ctx.signers[el]` holds the activation's
 * added signers; each signer's task is an open item under a deterministic key (`el#act+n`), owned by the element, so
 * any exit of the element (a boundary, a return) cancels them as it cancels the holder's task.
 * - before: the holder's task closes and the signers' tasks open; when the last of them signs, the holder's task
 *   opens again (`el#act~n`, same assignee and due date).
 * - after: the signers' tasks open when the holder completes; the element ends when the last one signs.
 * - parallel: the signers' tasks open now, beside the holder's; the element ends when all, holder included, signed.
 * A signer gives an opinion (审批意见, kept on the task's history): their variables are recorded, never merged into
 * the process; the holder's completion decides. 减签 removes signers who have not signed (their tasks cancelled).
 */
import type { TaskSpec, Vars } from '../../contract';
import { type Ctx, emit, history, keyOf, type Signer, type SignerState } from '../../exec/context';
import { dropItem, mergeVars, openItem } from '../../exec/ops';
import type { Action, ActionFn, AnyEvent, Cfg, GuardFn } from '../element-handler';

export type SignMode = Signer['mode'];
export type { Signer, SignerState };

interface Spec {
  el: string;
  name: string;
  formKey?: string;
}

/** The open item a completion answers: the task key the runtime names, else the activation's own key. */
export const completedKey = (e: AnyEvent) =>
  typeof e.taskKey === 'string' ? e.taskKey : keyOf(e.elementId, e.activation, e.loopIndex);

const pending = (st: SignerState | undefined, modes: SignMode[]) =>
  !!st?.list.some((s) => modes.includes(s.mode) && (s.state === 'open' || s.state === 'waiting'));

/** Whether any signer other than those `skip` selects has still to sign. */
const pendingExcept = (st: SignerState, skip: (s: Signer) => boolean) =>
  st.list.some((s) => !skip(s) && (s.state === 'open' || s.state === 'waiting'));

function put(ctx: Ctx, el: string, st: SignerState | null): Ctx {
  const signers = { ...(ctx.signers ?? {}) };
  if (st) signers[el] = st;
  else delete signers[el];
  return { ...ctx, signers };
}

function openSigner(ctx: Ctx, spec: Spec, st: SignerState, s: Signer): Ctx {
  const task: TaskSpec = { assignee: s.user, candidateGroups: [], candidateUsers: [] };
  if (st.dueAt) task.dueAt = st.dueAt;
  emit({
    type: 'task.opened',
    taskKey: s.key,
    name: `${spec.name}（加签）`,
    elementId: spec.el,
    activation: st.act,
    ...task,
  });
  history('task.created', spec.el, { taskKey: s.key, signer: s.user, mode: s.mode });
  return openItem(ctx, s.key, { t: 'task', el: spec.el, act: st.act, signer: s.user });
}

/** Before-signers all done: the holder gets the task back under a new key (a closed row is never reopened). */
function maybeReturnToHolder(ctx: Ctx, spec: Spec, st: SignerState): { ctx: Ctx; st: SignerState } {
  if (st.holder !== 'away' || pending(st, ['before'])) return { ctx, st };
  const seq = st.seq + 1;
  const key = `${keyOf(spec.el, st.act)}~${seq}`;
  const task: TaskSpec = { assignee: st.assignee, candidateGroups: [], candidateUsers: [] };
  if (st.dueAt) task.dueAt = st.dueAt;
  if (spec.formKey) task.formKey = spec.formKey;
  emit({
    type: 'task.opened',
    taskKey: key,
    name: spec.name,
    elementId: spec.el,
    activation: st.act,
    ...task,
  });
  history('task.created', spec.el, { taskKey: key, returnedFromSigners: true });
  return {
    ctx: openItem(ctx, key, { t: 'task', el: spec.el, act: st.act }),
    st: { ...st, seq, holderKey: key, holder: 'open' },
  };
}

function close(ctx: Ctx, key: string, reason: 'completed' | 'cancelled'): Ctx {
  emit({ type: 'task.closed', taskKey: key, reason });
  return dropItem(ctx, key);
}

export const signerActions: Record<string, ActionFn> = {
  'signers.add': (ctx, e, spec: Spec) => {
    const holderKey = completedKey(e);
    const item = ctx.open[holderKey];
    let st: SignerState = ctx.signers?.[spec.el] ?? {
      act: item.act,
      holderKey,
      holder: 'open',
      assignee: String(e.holder),
      ...(e.dueAt ? { dueAt: String(e.dueAt) } : {}),
      seq: 0,
      list: [],
    };
    let next = ctx;
    const mode = e.mode as SignMode;
    for (const user of e.usernames as string[]) {
      const seq = st.seq + 1;
      const s: Signer = {
        user,
        mode,
        key: `${keyOf(spec.el, st.act)}+${seq}`,
        state: mode === 'after' ? 'waiting' : 'open',
      };
      st = { ...st, seq, list: [...st.list, s] };
      if (s.state === 'open') next = openSigner(next, spec, st, s);
    }
    if (mode === 'before' && st.holder === 'open') {
      next = close(next, st.holderKey, 'cancelled');
      st = { ...st, holder: 'away' };
    }
    history('task.signers-added', spec.el, {
      taskKey: holderKey,
      usernames: e.usernames,
      mode,
      ...(e.comment ? { comment: String(e.comment) } : {}),
    });
    return put(next, spec.el, st);
  },
  'signers.sign': (ctx, e, spec: Spec) => {
    const key = completedKey(e);
    let st = ctx.signers?.[spec.el] as SignerState;
    let next = close(ctx, key, 'completed');
    history('task.completed', spec.el, {
      taskKey: key,
      variables: (e.variables ?? {}) as Vars,
      signer: true,
    });
    // The last signature leaves the step: its exit (which runs first) has already let go of the signer state.
    if (!st) return next;
    st = { ...st, list: st.list.map((s) => (s.key === key ? { ...s, state: 'signed' as const } : s)) };
    ({ ctx: next, st } = maybeReturnToHolder(next, spec, st));
    return put(next, spec.el, st);
  },
  /** The holder completed while after/parallel signers have not signed: the element waits for them. */
  'signers.holderDone': (ctx, e, spec: Spec) => {
    const key = completedKey(e);
    let next = mergeVars(close(ctx, key, 'completed'), e.variables);
    history('task.completed', spec.el, { taskKey: key, variables: (e.variables ?? {}) as Vars });
    let st = { ...(ctx.signers?.[spec.el] as SignerState), holder: 'done' as const };
    for (const s of st.list)
      if (s.state === 'waiting') {
        next = openSigner(next, spec, st, s);
        st = { ...st, list: st.list.map((x) => (x.key === s.key ? { ...x, state: 'open' as const } : x)) };
      }
    return put(next, spec.el, st);
  },
  'signers.remove': (ctx, e, spec: Spec) => {
    let st = ctx.signers?.[spec.el] as SignerState;
    let next = ctx;
    // Removing the last ones leaves the step: its exit already cancelled their tasks and let go of the state.
    if (!st) {
      history('task.signers-removed', spec.el, { usernames: e.usernames });
      return next;
    }
    const users = new Set(e.usernames as string[]);
    for (const s of st.list) {
      if (!users.has(s.user) || (s.state !== 'open' && s.state !== 'waiting')) continue;
      if (s.state === 'open') next = close(next, s.key, 'cancelled');
      st = { ...st, list: st.list.map((x) => (x.key === s.key ? { ...x, state: 'removed' as const } : x)) };
    }
    history('task.signers-removed', spec.el, { usernames: e.usernames });
    ({ ctx: next, st } = maybeReturnToHolder(next, spec, st));
    return put(next, spec.el, st);
  },
  'signers.clear': (ctx, _e, p) => (ctx.signers?.[p.el] ? put(ctx, p.el, null) : ctx),
};

export const signerGuards: Record<string, GuardFn> = {
  /** The holder's own open task (not a signer's) of this element. */
  'task.matches': (ctx, e, p) => {
    const item = ctx.open[completedKey(e)];
    return e.elementId === p.el && item?.t === 'task' && item.el === p.el && !item.signer;
  },
  'signer.matches': (ctx, e, p) => {
    const item = ctx.open[completedKey(e)];
    return e.elementId === p.el && item?.t === 'task' && item.el === p.el && !!item.signer;
  },
  /** The holder completes while after/parallel signers still have to sign. */
  'signers.holds': (ctx, e, p) =>
    signerGuards['task.matches'](ctx, e, p) && pending(ctx.signers?.[p.el], ['after', 'parallel']),
  /** This signature is the last one pending, and the holder has completed: the step ends with it. */
  'signer.signsLast': (ctx, e, p) => {
    const st = ctx.signers?.[p.el];
    if (!signerGuards['signer.matches'](ctx, e, p) || !st || st.holder !== 'done') return false;
    const key = completedKey(e);
    return !pendingExcept(st, (s) => s.key === key);
  },
  /** Removing these leaves nobody pending, and the holder has completed: the step ends with it. */
  'signers.removesLast': (ctx, e, p) => {
    const st = ctx.signers?.[p.el];
    if (!signerGuards['signers.canRemove'](ctx, e, p) || !st || st.holder !== 'done') return false;
    const users = new Set(e.usernames as string[]);
    return !pendingExcept(st, (s) => users.has(s.user));
  },
  'signers.canRemove': (ctx, e, p) => {
    const st = ctx.signers?.[p.el];
    if (e.elementId !== p.el || !st) return false;
    return (e.usernames as string[]).every((u) =>
      st.list.some((s) => s.user === u && (s.state === 'open' || s.state === 'waiting')),
    );
  },
};

/**
 * The transitions a (non-multi-instance) user task state gets for 加签: before its own completion, a signer's
 * completion and a holder's completion that waits for signers; the add/remove events; leaving once all signed.
 */
export function signerParts(el: string, spec: Spec, next: string, matches: Cfg) {
  const own = { el };
  // The step ends on the act that leaves nothing pending (no eventless transition: it would cost every user task a
  // guard on every step).
  const leave = (act: string, guard: string) => ({
    guard: { type: guard, params: own },
    target: next,
    actions: [
      { type: act, params: spec },
      { type: 'element.complete', params: own },
    ],
  });
  return {
    complete: [
      leave('signers.sign', 'signer.signsLast'),
      { guard: { type: 'signer.matches', params: own }, actions: [{ type: 'signers.sign', params: spec }] },
      {
        guard: { type: 'signers.holds', params: own },
        actions: [{ type: 'signers.holderDone', params: spec }],
      },
    ] as Cfg[],
    add: [{ guard: matches, actions: [{ type: 'signers.add', params: spec }] }] as Cfg[],
    remove: [
      leave('signers.remove', 'signers.removesLast'),
      {
        guard: { type: 'signers.canRemove', params: own },
        actions: [{ type: 'signers.remove', params: spec }],
      },
    ] as Cfg[],
    exit: [{ type: 'signers.clear', params: own }] as Action[],
  };
}

/**
 * A user task state compiled before 加签 existed (a definition deployed by an older engine and kept, since identical
 * XML is not deployed again) gets the same transitions when the runtime loads it; its snapshots stay valid, as
 * only transitions are added.
 */
export function addSignerTransitions(state: Record<string, any>): void {
  const open = (state.entry ?? []).find((a: { type: string }) => a.type === 'userTask.open');
  if (!open || state.on?.['task.addSigners']) return;
  const complete: Cfg[] = state.on?.['task.complete'] ?? [];
  const exit = complete[complete.length - 1] as { target?: string; guard?: Cfg } | undefined;
  if (!exit?.target) return;
  const spec: Spec = { el: open.params.el, name: open.params.name, formKey: open.params.formKey };
  const parts = signerParts(spec.el, spec, exit.target, exit.guard);
  state.on = {
    ...state.on,
    'task.complete': [...parts.complete, ...complete],
    'task.addSigners': parts.add,
    'task.removeSigners': parts.remove,
  };
  state.exit = [...parts.exit, ...(state.exit ?? [])];
}
