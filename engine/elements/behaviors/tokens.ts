/**
 * @module Token bookkeeping of a token region (compile/token-scope.ts): counts in `ctx.tok`, keyed by sequence
 * flow id (tokens waiting on it), `$a:<element>` (tokens inside an element), `$start:<element>` (the start token)
 * and `$live:<scope>` (all of the scope's tokens, so "the scope is done" is one lookup). Only processes with a
 * token region ever touch `ctx.tok`.
 *
 * Concurrent activations: a token reaching an element whose region is still busy with an earlier token runs the
 * element in a spawned child (`$conc:<el>#k`, numbered `k × NESTED` so its keys never meet the region's own), which
 * hands back the flows it left by (`$flows`) when it ends; the region then puts those tokens as its own exit would.
 */
import { enqueueActions } from 'xstate';
import { DONE_PREFIX, NESTED } from '../../exec/children';
import { type Ctx, history, initialContext } from '../../exec/context';
import type { Vars } from '../../contract';
import type { ActionFn, AnyEvent, GuardFn, Params } from '../element-handler';

/** The actor-id prefix of a concurrent activation of `el` (its machine is `side:$conc:<el>`). */
export const concOrigin = (el: string) => `$conc:${el}`;
/** The variable a concurrent activation's child hands back its outgoing flows in (never process data). */
const FLOWS = '$flows';

const originOf = (e: AnyEvent) => {
  const id = e.type.slice(DONE_PREFIX.length);
  return id.slice(0, id.lastIndexOf('#'));
};

type Tok = Record<string, number>;

const count = (tok: Tok | undefined, key: string) => tok?.[key] ?? 0;

function add(tok: Tok, key: string, n: number) {
  const v = (tok[key] ?? 0) + n;
  if (v) tok[key] = v;
  else delete tok[key];
}

/** Inclusive join: an empty incoming flow still waits while a token sits upstream of it (flow or element). */
function canStillArrive(tok: Tok | undefined, up: string[]): boolean {
  for (const k of up) if (count(tok, k) > 0) return true;
  return false;
}

export const tokenGuards: Record<string, GuardFn> = {
  'token.ready': (ctx, _e, p) => {
    const tok = ctx.tok;
    if (!tok) return false;
    if (p.mode === 'any') return p.flows.some((f: string) => count(tok, f) > 0);
    if (p.mode === 'all') return p.flows.every((f: string) => count(tok, f) > 0);
    // 'or': at least one token, and none that could still reach an empty incoming flow.
    let some = false;
    for (let i = 0; i < p.flows.length; i++) {
      if (count(tok, p.flows[i]) > 0) some = true;
      else if (canStillArrive(tok, p.up[i])) return false;
    }
    return some;
  },
  'token.none': (ctx, _e, p) => count(ctx.tok, `$live:${p.scope}`) === 0,
  // A concurrent activation of one of this region's elements has ended (its done event).
  'conc.owns': (ctx, e, p) => originOf(e) in p.els && e.type.slice(DONE_PREFIX.length) in ctx.paths,
};

export const tokenActions: Record<string, ActionFn> = {
  'token.init': (ctx, _e, p) => {
    const tok: Tok = { ...(ctx.tok ?? {}) };
    for (const k of p.keys) delete tok[k];
    const first: string[] = p.flows ?? [
      `$start:${ctx.startEventId && p.starts.includes(ctx.startEventId) ? ctx.startEventId : p.none}`,
    ];
    for (const f of first) add(tok, f, 1);
    add(tok, `$live:${p.scope}`, first.length);
    return { ...ctx, tok };
  },
  'token.clear': (ctx, _e, p) => {
    if (!ctx.tok) return ctx;
    const tok: Tok = { ...ctx.tok };
    for (const k of p.keys) delete tok[k];
    return { ...ctx, tok };
  },
  'token.take': (ctx, _e, p) => {
    const tok: Tok = { ...(ctx.tok ?? {}) };
    let taken = 0;
    for (const f of p.flows as string[]) {
      if (count(tok, f) === 0) continue;
      add(tok, f, -1);
      taken++;
      if (p.mode === 'any') break;
    }
    add(tok, `$a:${p.el}`, 1);
    add(tok, `$live:${p.scope}`, 1 - taken);
    return { ...ctx, tok };
  },
  'token.put': (ctx, _e, p) => putTokens(ctx, p.scope, p.el, p.flows),
  // In a concurrent activation's child: the element left by these flows; the child then ends and hands them back.
  'token.leave': (ctx, _e, p) => ({
    ...ctx,
    vars: { ...ctx.vars, [FLOWS]: p.flows },
    written: [...new Set([...(ctx.written ?? []), FLOWS])],
  }),
  // In the region: the child's element is done; its variables merge back and its tokens go on its flows.
  'conc.done': (ctx, e, p) => {
    const id = e.type.slice(DONE_PREFIX.length);
    const paths = { ...ctx.paths };
    delete paths[id];
    const out: Vars = { ...((e as { output?: Vars }).output ?? {}) };
    const flows = Array.isArray(out[FLOWS]) ? (out[FLOWS] as string[]) : [];
    delete out[FLOWS];
    const el: string = p.els[originOf(e)];
    history('token.concurrent-completed', el, { pathId: id });
    return putTokens({ ...ctx, paths, vars: { ...ctx.vars, ...out } }, p.scope, el, flows);
  },
  // Inclusive split: the flows the gateway's decision chose (none while the decision is an incident).
  'token.putRoute': (ctx, _e, p) => {
    const flows = ctx.route[p.el];
    return flows ? putTokens(ctx, p.scope, p.el, flows) : ctx;
  },
};

function putTokens(ctx: Ctx, scope: string, el: string, flows: string[]): Ctx {
  const tok: Tok = { ...(ctx.tok ?? {}) };
  for (const f of flows) add(tok, f, 1);
  add(tok, `$a:${el}`, -1);
  add(tok, `$live:${scope}`, flows.length - 1);
  return { ...ctx, tok };
}

export const tokenXstateActions = {
  // A token for an element that is still busy: take it and run the element once more in a child of its own.
  'conc.spawn': enqueueActions(({ context, enqueue }, p: Params) => {
    const ctx = tokenActions['token.take'](context as Ctx, { type: 'conc.spawn' }, p);
    const k = ctx.counter + 1;
    const id = `${p.origin}#${k}`;
    enqueue.assign({ ...ctx, counter: k, paths: { ...ctx.paths, [id]: true } });
    enqueue.spawnChild(`side:${p.origin}`, {
      id,
      input: initialContext({ ...ctx.vars }, { seq: k * NESTED, businessKey: ctx.businessKey }),
    });
    history('token.concurrent-started', p.el, { pathId: id });
  }),
};
