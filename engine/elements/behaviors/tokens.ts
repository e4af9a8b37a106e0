/**
 * @module Token bookkeeping of a token region (compile/token-scope.ts): counts in `ctx.tok`, keyed by sequence
 * flow id (tokens waiting on it), `$a:<element>` (tokens inside an element), `$start:<element>` (the start token)
 * and `$live:<scope>` (all of the scope's tokens, so "the scope is done" is one lookup). Only processes with a
 * token region ever touch `ctx.tok`.
 */
import type { Ctx } from '../../exec/context';
import type { ActionFn, GuardFn } from '../element-handler';

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
