/**
 * @module Compiles one validated ProcessModel into a pure-JSON XState 5 machine config: state key = element id,
 * `meta.bpmn` on each element state, named actions/guards only. Non-interrupting boundary paths become separate
 * machine configs (spawned as persisted children at run time), kept under `meta.huiliu.sidePaths`.
 */
import type { Json, ValidationIssue } from '../contract';
import { type Block, EXIT, findBlocks } from '../bpmn/blocks';
import { issue } from '../bpmn/issue';
import { buildScopeGraph, type ScopeGraph } from '../bpmn/scope-graph';
import type { Cfg, CompileCtx, StateConfig } from '../elements/element-handler';
import {
  addRootTriggers,
  innerIds,
  isNonInterruptingEventSubProcess,
  wrapScopeBody,
} from '../elements/container/event-sub-process';
import { callItemState } from '../elements/container/call-activity';
import { withExecutionListeners } from '../elements/behaviors/execution-listeners';
import { handlerOf } from '../elements/registry';
import type { ModelElement, ProcessModel } from '../types';
import { esc } from './keys';
import { hasImplicitSplit, tokenScopeState } from './token-scope';

interface Level {
  graph: ScopeGraph;
  blocks: Map<string, Block>;
  owner: Map<string, string | null>;
  /** Concurrency that is not block-structured: the scope runs as a token region (token-scope.ts). */
  token?: boolean;
}

export interface CompiledMachine {
  machine: Json;
  issues: ValidationIssue[];
}

const ROUTED_EVENTS = [
  'task.complete',
  'timer.fire',
  'message.correlate',
  'job.complete',
  'job.throwError',
  'child.completed',
  'incident.retry',
];

export function compileProcess(model: ProcessModel): CompiledMachine {
  const issues: ValidationIssue[] = [];
  const levels = new Map<string, Level>();
  const sidePaths: Record<string, Cfg> = {};
  /** element id → the non-interrupting boundary whose side path holds it (events for it are forwarded there). */
  const sideOf: Record<string, string> = {};
  /**
   * element id → the origin of its concurrent activations (token-scope.ts). Kept apart from sideOf: the element also
   * runs in the root, so its events go to a child only when one with that spawn number is live (else the root's own).
   */
  const concOf: Record<string, string> = {};

  const levelOf = (graph: ScopeGraph): Level => {
    const found = findBlocks(model, graph);
    // Not block-structured: BPMN's token semantics still define it, so it runs as a token region, not refused.
    if (found.issues.length || hasImplicitSplit(model, graph))
      return { graph, blocks: new Map(), owner: new Map(), token: true };
    return { graph, blocks: found.blocks, owner: found.owner };
  };
  for (const scopeId of model.scopes.keys()) levels.set(scopeId, levelOf(buildScopeGraph(model, scopeId)));

  const el = (id: string) => model.elements.get(id) as ModelElement;
  const isBody = (e: ModelElement) => (e.kind === 'subProcess' || e.kind === 'callActivity') && !!e.loop;
  // Scopes a spawned machine runs (multi-instance bodies, non-interrupting event subprocesses, side paths) cannot
  // spawn a concurrent activation themselves: only the root machine's token regions do.
  const sideNodes = new Set([...levels.values()].flatMap((l) => [...l.graph.sidePaths.values()].flat()));
  const inRootMachine = (scopeId: string): boolean => {
    for (let s = scopeId; s !== model.id; s = el(s).scopeId) {
      const e = el(s);
      if (isBody(e) || sideNodes.has(s)) return false;
      if (e.kind === 'eventSubProcess' && isNonInterruptingEventSubProcess(model, e)) return false;
    }
    return true;
  };
  const blockStructured = (scopeId: string): boolean =>
    !levels.get(scopeId)?.token &&
    (model.scopes.get(scopeId)?.elements ?? []).every((id) => !model.scopes.has(id) || blockStructured(id));
  const concurrent = (
    origin: string,
    initial: string,
    states: Record<string, StateConfig>,
    routed: string[],
  ) => {
    sidePaths[origin] = rootConfig(`${model.id}:${origin}`, initial, states, {}, true);
    for (const id of routed) concOf[id] = origin;
  };

  function containerStates(
    level: Level,
    container: string | null,
    endTarget: string,
    join: string | null,
  ): Record<string, StateConfig> {
    const states: Record<string, StateConfig> = {};
    const target = (flowId: string): string => {
      const f = model.flows.get(flowId);
      if (!f) throw new Error(`unknown flow ${flowId}`);
      if (f.targetRef === join) return '$join';
      if (level.owner.get(f.targetRef) === container && level.graph.nodes.includes(f.targetRef))
        return esc(f.targetRef);
      issues.push(
        issue(
          f.id,
          'block.crossing-flow',
          `顺序流跨越了并行块的边界（指向 ${f.targetRef}）`,
          `sequence flow crosses a concurrency block boundary (to ${f.targetRef})`,
        ),
      );
      return '$join';
    };
    const cc: CompileCtx = {
      model,
      endTarget,
      target,
      next: (e) => (e.outgoing.length ? target(e.outgoing[0]) : endTarget),
      scopeBody: (scopeId) => scopeBody(scopeId),
      compileElement: (e, c) => handlerOf(e.kind).compile(e, c),
      block: (splitId) => {
        const b = level.blocks.get(splitId);
        if (!b) return null;
        const regions: Record<string, StateConfig> = {};
        for (const br of b.branches) {
          const inner = containerStates(level, br.flow, '$join', b.join === EXIT ? null : b.join);
          const first = model.flows.get(br.flow)?.targetRef as string;
          const initial = first === b.join ? '$join' : first;
          regions[br.flow] = { initial, states: { ...inner, $join: { type: 'final' } } };
        }
        return { regions, after: b.join === EXIT ? endTarget : esc(b.join) };
      },
      boundaries: (host) => {
        const arm: Cfg[] = [];
        const on: Record<string, Cfg[]> = {};
        const always: Cfg[] = [];
        for (const bid of host.boundaries) {
          const b = el(bid);
          const h = handlerOf(b.kind);
          if (!h.attach) continue;
          const parts = h.attach(b, cc);
          arm.push(parts.arm);
          always.push(...(parts.always ?? []));
          for (const [ev, ts] of Object.entries(parts.on)) on[ev] = [...(on[ev] ?? []), ...ts];
        }
        return { arm, on, always };
      },
    };
    for (const id of level.graph.nodes) {
      if (level.owner.get(id) !== container) continue;
      const e = el(id);
      const state = handlerOf(e.kind).compile(e, cc);
      if (state) Object.assign(states, withExecutionListeners(e, state));
    }
    return states;
  }

  function scopeBody(scopeId: string): StateConfig {
    const level = levels.get(scopeId) as Level;
    const starts = level.graph.nodes.filter((id) =>
      ['startEvent', 'eventSubProcessStart'].includes(el(id).kind),
    );
    const states = level.token
      ? {
          $tokens: tokenScopeState({
            model,
            graph: level.graph,
            scope: scopeId,
            endTarget: '$end',
            scopeBody,
            ...(inRootMachine(scopeId) ? { concurrent, blockStructured } : {}),
          }),
        }
      : containerStates(level, null, '$end', null);
    const initial = level.token ? '$tokens' : (starts[0] ?? '$end');
    const body = { initial, states: { ...states, $end: { type: 'final' } } };
    return wrapScopeBody(model, scopeId, body, scopeBody);
  }

  for (const level of levels.values()) {
    for (const [b, nodes] of level.graph.sidePaths) {
      sidePaths[b] = sidePathMachine(b, nodes, level.graph);
      for (const n of nodes) if (n !== b) sideOf[n] = b;
    }
  }
  // A multi-instance subprocess runs its body once per item as a spawned child, like a side path; a multi-instance
  // call activity spawns the same kind of body holding just the call. One nested in another's body is spawned by
  // that body: the root routes its events to the outer body, which routes them on (exec/children.ts, NESTED).
  const outerBody = (e: ModelElement): string | null => {
    for (let s = e.scopeId; s !== model.id; s = el(s).scopeId) if (isBody(el(s))) return s;
    return null;
  };
  const nestedSideOf: Record<string, Record<string, string>> = {};
  for (const e of model.elements.values()) {
    const outer = isBody(e) ? outerBody(e) : null;
    if (!outer) continue;
    nestedSideOf[outer] ??= {};
    for (const n of e.kind === 'callActivity' ? [e.id] : innerElements(e.id)) nestedSideOf[outer][n] = e.id;
  }
  // A non-interrupting event subprocess inside a body runs its paths as children of that body: the root routes
  // their events to the body (its numbers are spawnNumber × NESTED + k there), the body routes them on.
  for (const e of model.elements.values()) {
    const outer =
      e.kind === 'eventSubProcess' && isNonInterruptingEventSubProcess(model, e) ? outerBody(e) : null;
    if (!outer) continue;
    nestedSideOf[outer] ??= {};
    for (const n of innerIds(model, e.id))
      if (el(n).kind !== 'eventSubProcessStart') nestedSideOf[outer][n] = e.id;
  }
  for (const e of model.elements.values()) {
    if (!isBody(e)) continue;
    if (e.kind === 'subProcess') {
      const body = scopeBody(e.id);
      sidePaths[e.id] = rootConfig(
        `${model.id}:${e.id}`,
        esc(String(body.initial)),
        body.states as Record<string, StateConfig>,
        nestedSideOf[e.id] ?? {},
        true,
      );
    } else {
      sidePaths[e.id] = rootConfig(
        `${model.id}:${e.id}`,
        esc(e.id),
        { [e.id]: callItemState(e, model) },
        {},
        true,
      );
    }
    if (outerBody(e)) continue;
    for (const n of e.kind === 'callActivity' ? [e.id] : innerElements(e.id)) sideOf[n] = e.id;
  }

  // A non-interrupting event subprocess runs once per trigger as a spawned child, like a side path.
  for (const e of model.elements.values()) {
    if (e.kind !== 'eventSubProcess' || !isNonInterruptingEventSubProcess(model, e)) continue;
    const body = scopeBody(e.id);
    sidePaths[e.id] = rootConfig(
      `${model.id}:${e.id}`,
      esc(String(body.initial)),
      body.states as Record<string, StateConfig>,
      {},
      true,
    );
    // Not its start: the trigger is answered by the scope, not forwarded into a path. Inside a body the root
    // routes to the body (above).
    if (outerBody(e)) continue;
    for (const n of innerIds(model, e.id)) if (el(n).kind !== 'eventSubProcessStart') sideOf[n] = e.id;
  }

  function innerElements(scopeId: string): string[] {
    const ids = model.scopes.get(scopeId)?.elements ?? [];
    return ids.flatMap((id) => (model.scopes.has(id) ? [id, ...innerElements(id)] : [id]));
  }

  function sidePathMachine(boundaryId: string, nodes: string[], parent: ScopeGraph): Cfg {
    const inner = nodes.filter((n) => n !== boundaryId);
    const graph: ScopeGraph = {
      scopeId: boundaryId,
      nodes: inner,
      succ: parent.succ,
      pred: parent.pred,
      sidePaths: new Map(),
    };
    const level = levelOf(graph);
    const b = el(boundaryId);
    if (level.token || b.outgoing.length > 1) {
      const states = {
        $tokens: tokenScopeState({
          model,
          graph,
          scope: boundaryId,
          endTarget: '$end',
          firstFlows: b.outgoing,
          scopeBody,
        }),
      };
      return rootConfig(`${model.id}:${boundaryId}`, '$tokens', states, {}, true);
    }
    const states = containerStates(level, null, '$end', null);
    const first = b.outgoing.length ? (model.flows.get(b.outgoing[0])?.targetRef as string) : '$end';
    return rootConfig(`${model.id}:${boundaryId}`, esc(first), states, {}, true);
  }

  const processLevel = levels.get(model.id) as Level;
  const starts = processLevel.graph.nodes.filter((id) =>
    ['startEvent', 'timerStartEvent', 'messageStartEvent', 'signalStartEvent'].includes(el(id).kind),
  );
  const top = processLevel.token
    ? {
        $tokens: tokenScopeState({
          model,
          graph: processLevel.graph,
          scope: model.id,
          endTarget: '$end',
          scopeBody,
          concurrent,
          blockStructured,
        }),
      }
    : containerStates(processLevel, null, '$end', null);
  // One start event: begin there directly (one microstep less per instance); several: choose by startEventId.
  const direct = processLevel.token
    ? '$tokens'
    : starts.length === 1 && !/[.\\]/.test(starts[0])
      ? starts[0]
      : null;
  if (!direct)
    top.$start = {
      always: starts.map((s) => ({
        guard: {
          type: 'start.is',
          params: { el: s, none: el(s).kind === 'startEvent', only: starts.length === 1 },
        },
        target: esc(s),
      })),
    };
  const routed = Object.keys(concOf).length > 0;
  const machine = rootConfig(model.id, direct ?? '$start', top, sideOf, false, concOf);
  addRootTriggers(model, machine, scopeBody);
  // A top-level event subprocess's body may have added concurrent activations: their events need routing too.
  if (!routed && Object.keys(concOf).length) {
    const on = machine.on as Record<string, Cfg>;
    for (const [ev, t] of Object.entries(routing(concOf))) on[ev] = [...(on[ev] ? [on[ev]].flat() : []), t];
  }
  (machine.meta as Record<string, Cfg>).huiliu = { sidePaths, sideOf } as Cfg;
  return { machine: machine as Json, issues };
}

/** Events for elements that run in spawned children go to the child holding them. */
function routing(sideOf: Record<string, string>): Record<string, Cfg> {
  return Object.fromEntries(
    ROUTED_EVENTS.map((ev) => [
      ev,
      {
        guard: { type: 'side.routes', params: { sideOf } },
        actions: [{ type: 'side.forward', params: { sideOf } }],
      },
    ]),
  );
}

function rootConfig(
  id: string,
  initial: string,
  states: Record<string, StateConfig>,
  sideOf: Record<string, string>,
  child = false,
  concOf: Record<string, string> = {},
): StateConfig {
  const on: Record<string, Cfg> = {
    'instance.cancel': { target: '.$cancelled', actions: [{ type: 'instance.cancel' }] },
    'bpmn.error': { actions: [{ type: 'error.uncaught' }] },
    'bpmn.terminate': { target: '.$done', actions: [{ type: 'instance.terminate' }] },
    'xstate.done.actor.*': { actions: [{ type: 'side.done' }] },
  };
  if (Object.keys(sideOf).length) Object.assign(on, routing(sideOf));
  if (Object.keys(concOf).length)
    for (const [ev, t] of Object.entries(routing(concOf))) on[ev] = on[ev] ? [on[ev], t] : t;
  return {
    id,
    initial,
    states: {
      ...states,
      $end: { always: { guard: { type: 'paths.none' }, target: '$done' } },
      $done: { type: 'final', entry: [{ type: child ? 'side.complete' : 'instance.complete' }] },
      $cancelled: { type: 'final' },
    },
    on: on as Cfg,
    meta: {},
  };
}
