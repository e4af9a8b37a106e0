/**
 * @module Token regions: how a scope whose concurrency is not block-structured runs (issue #13). BPMN defines such
 * flows by tokens, so the scope becomes one XState parallel state `$tokens` with a region per element:
 *
 *   region <el>: $idle --(token.ready: a token waits on an incoming flow; all of them for a parallel join; for an
 *                inclusive join, every empty incoming flow has no token left upstream)--> <el> (the element's own
 *                state, compiled by its handler as anywhere else) --> $out:<flow> (puts a token on the flow) --> $idle
 *
 * Token counts live in `ctx.tok` (elements/behaviors/tokens.ts); `$tokens` ends when the scope holds no token.
 * An element reached by a second token while it still runs runs again at once, as BPMN says: the region itself
 * (not its `$idle`, which fires first when it can) takes the token and spawns a child machine holding just the
 * element (`$conc:<el>`), whose exit hands its flows back. Only wait states of the root machine do this
 * (`runsConcurrently`); the rest take the token when they are done. Block-structured scopes never get here, so
 * their machines and per-step cost are unchanged.
 */
import { esc } from './keys';
import type { Cfg, CompileCtx, StateConfig } from '../elements/element-handler';
import { okGuard, elementState, leave } from '../elements/behaviors/activity';
import { listenersOf, withExecutionListeners } from '../elements/behaviors/execution-listeners';
import { concOrigin } from '../elements/behaviors/tokens';
import {
  eventSubProcessesOf,
  innerIds,
  pathOriginsIn,
  startOf,
  stopPathsAction,
} from '../elements/container/event-sub-process';
import { compensableSubProcess } from '../elements/event/compensation-throw-event';
import { triggerKindOf } from '../elements/event/event-sub-process-start';
import { handlerOf } from '../elements/registry';
import type { ModelElement, ProcessModel } from '../types';
import { isNonInterrupting, type ScopeGraph } from '../bpmn/scope-graph';

const START_KINDS = new Set([
  'startEvent',
  'timerStartEvent',
  'messageStartEvent',
  'signalStartEvent',
  'eventSubProcessStart',
]);

const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway']);

/** An element other than a gateway with several outgoing flows forks (uncontrolled flow): only a token region can. */
export function hasImplicitSplit(model: ProcessModel, graph: ScopeGraph): boolean {
  return graph.nodes.some((id) => {
    const e = model.elements.get(id);
    return !!e && !GATEWAYS.has(e.kind) && e.outgoing.length > 1;
  });
}

export interface TokenScopeInput {
  model: ProcessModel;
  graph: ScopeGraph;
  /** Unique per token region in the machine: the scope id, or the boundary id of a side path. */
  scope: string;
  /** Where `$tokens` goes when no token is left. */
  endTarget: string;
  /** Side paths start with a token on each of the boundary's outgoing flows instead of at a start event. */
  firstFlows?: string[];
  scopeBody(scopeId: string): StateConfig;
  /**
   * Regions the root machine runs (never a spawned one, which has no child machines of its own): registers the
   * machine of an element's concurrent activations and the element ids whose events are routed to it.
   */
  concurrent?(origin: string, initial: string, states: Record<string, StateConfig>, routed: string[]): void;
  /** Whether a scope (a subprocess body) is block-structured throughout, so its copy in a child spawns nothing. */
  blockStructured?(scopeId: string): boolean;
}

/** Wait states a second token can run again while the first is still there. */
const CONCURRENT_KINDS = new Set([
  'userTask',
  'serviceTask',
  'sendTask',
  'receiveTask',
  'messageCatchEvent',
  'timerCatchEvent',
  'signalCatchEvent',
  'messageThrowEvent',
  'callActivity',
]);
const JOB_KINDS = new Set(['serviceTask', 'sendTask', 'messageThrowEvent', 'callActivity']);

/**
 * Whether a busy element runs a second token at once in a child of its own. Not: multi-instance, compensable,
 * with execution listeners or non-interrupting boundaries (their state lives beside the element's own), nor a job
 * whose BPMN error an enclosing scope would catch (a child's uncaught error stays an incident on it).
 */
export function runsConcurrently(
  model: ProcessModel,
  e: ModelElement,
  blockStructured: (scopeId: string) => boolean = () => false,
): boolean {
  if (e.kind === 'subProcess') return subProcessRunsConcurrently(model, e, blockStructured);
  if (!CONCURRENT_KINDS.has(e.kind) || e.loop || e.compensationHandler) return false;
  const ls = listenersOf(e);
  if (ls.start.length || ls.end.length) return false;
  const el = (id: string) => model.elements.get(id) as ModelElement;
  if (e.boundaries.some((b) => isNonInterrupting(el(b)) || el(b).kind === 'compensationBoundaryEvent'))
    return false;
  return !JOB_KINDS.has(e.kind) || !errorCaughtAround(model, e.scopeId);
}

/**
 * A subprocess runs a second token at once when its copy in a child is self-contained: block-structured throughout
 * (a token region inside would spawn), nothing inside that spawns or is compensated from outside, every element
 * inside one that runs concurrently itself or passes on at once, and no BPMN error or escalation that an enclosing
 * scope would catch.
 */
function subProcessRunsConcurrently(
  model: ProcessModel,
  e: ModelElement,
  blockStructured: (scopeId: string) => boolean,
): boolean {
  if (e.loop || e.compensationHandler || compensableSubProcess(model, e)) return false;
  if (pathOriginsIn(model, e.id).length || errorCaughtAround(model, e.scopeId)) return false;
  const el = (id: string) => model.elements.get(id) as ModelElement;
  if (listenersOf(e).start.length || listenersOf(e).end.length) return false;
  if (e.boundaries.some((b) => isNonInterrupting(el(b)) || el(b).kind === 'compensationBoundaryEvent'))
    return false;
  return (
    innerIds(model, e.id).every((id) => {
      const x = el(id);
      if (x.kind === 'subProcess') return !x.loop && blockStructured(id);
      if (
        x.loop ||
        x.kind === 'callActivity' ||
        x.kind.startsWith('escalation') ||
        x.kind.startsWith('compensation')
      )
        return false;
      if (x.kind === 'eventSubProcess') return true;
      return !listenersOf(x).start.length && !listenersOf(x).end.length;
    }) && blockStructured(e.id)
  );
}

function errorCaughtAround(model: ProcessModel, scopeId: string): boolean {
  for (let s = scopeId; ; ) {
    for (const evsub of eventSubProcessesOf(model, s)) {
      const start = startOf(model, evsub);
      if (start && triggerKindOf(start) === 'error') return true;
    }
    if (s === model.id) return false;
    const scope = model.elements.get(s) as ModelElement;
    if (scope.boundaries.some((b) => model.elements.get(b)?.kind === 'errorBoundaryEvent')) return true;
    s = scope.scopeId;
  }
}

export function tokenScopeState(input: TokenScopeInput): StateConfig {
  const { model, graph, scope } = input;
  const nodes = new Set(graph.nodes);
  const el = (id: string) => model.elements.get(id) as ModelElement;
  const incoming = (id: string) =>
    (graph.pred.get(id) ?? [])
      .filter((p) => model.flows.has(p.flow) && (nodes.has(p.from) || input.firstFlows?.includes(p.flow)))
      .map((p) => p.flow);
  const starts = graph.nodes.filter((id) => START_KINDS.has(el(id).kind));
  const keys = new Set<string>([`$live:${scope}`]);
  const regions: Record<string, StateConfig> = {};
  /** Concurrent activations: child-machine origin → element. */
  const conc: Record<string, string> = {};

  for (const id of graph.nodes) {
    const e = el(id);
    const outs = new Set<string>();
    const cc = regionCc(input, (flow) => {
      outs.add(flow);
      return esc(`$out:${flow}`);
    });
    const state = compileInRegion(e, cc, scope);
    if (!state) continue;
    const flows = incoming(id);
    if (START_KINDS.has(e.kind)) flows.push(`$start:${id}`);
    for (const f of flows) keys.add(f);
    keys.add(`$a:${id}`);
    const mode =
      flows.length > 1 && e.kind === 'parallelGateway'
        ? 'all'
        : flows.length > 1 && e.kind === 'inclusiveGateway'
          ? 'or'
          : 'any';
    const ready: Record<string, unknown> = { scope, el: id, flows, mode };
    if (mode === 'or') ready.up = flows.map((f) => upstreamOf(model, graph, nodes, f, id));
    const states: Record<string, StateConfig> = {
      $idle: {
        always: [
          {
            guard: { type: 'token.ready', params: ready },
            target: esc(id),
            actions: [{ type: 'token.take', params: { scope, el: id, flows, mode } }],
          },
        ],
      },
      ...withExecutionListeners(e, state),
    };
    for (const f of outs)
      states[`$out:${f}`] = {
        entry: [{ type: 'token.put', params: { scope, el: id, flows: f === '$end' ? [] : f.split(' ') } }],
        always: { target: '$idle' },
      };
    const region: StateConfig = { initial: '$idle', states };
    if (input.concurrent && runsConcurrently(model, e, input.blockStructured)) {
      const origin = concOrigin(id);
      conc[origin] = id;
      const inside = e.kind === 'subProcess' ? innerIds(model, id) : [];
      input.concurrent(origin, esc(id), concurrentStates(input, e, scope), [id, ...e.boundaries, ...inside]);
      // Reached only while the region is busy: an idle region's `$idle` (deeper) takes the token first.
      region.always = [
        {
          guard: { type: 'token.ready', params: ready },
          actions: [{ type: 'conc.spawn', params: { scope, el: id, flows, mode, origin } }],
        },
      ];
    }
    regions[id] = region;
  }
  const init: Record<string, unknown> = { scope, keys: [...keys] };
  if (input.firstFlows) init.flows = input.firstFlows;
  else {
    init.starts = starts;
    init.none = starts.find((s) => el(s).kind === 'startEvent') ?? starts[0];
  }
  const origins = Object.keys(conc);
  const state: StateConfig = {
    type: 'parallel',
    entry: [{ type: 'token.init', params: init }],
    // Interrupted, the scope's concurrent activations end with it (done, it has none left).
    exit: [
      ...(origins.length ? [stopPathsAction(origins, scope)] : []),
      { type: 'token.clear', params: { scope, keys: [...keys] } },
    ],
    states: regions,
    always: [{ guard: { type: 'token.none', params: { scope } }, target: input.endTarget }],
  };
  if (origins.length)
    state.on = {
      'xstate.done.actor.*': [
        {
          guard: { type: 'conc.owns', params: { els: conc } },
          actions: [{ type: 'conc.done', params: { scope, els: conc } }],
        },
      ],
    };
  return state;
}

/** The child machine's states: the element as in its region, each exit handing its flows back and ending. */
function concurrentStates(
  input: TokenScopeInput,
  e: ModelElement,
  scope: string,
): Record<string, StateConfig> {
  const outs = new Set<string>();
  const cc = regionCc(input, (flow) => {
    outs.add(flow);
    return esc(`$out:${flow}`);
  });
  const states: Record<string, StateConfig> = {
    ...withExecutionListeners(e, compileInRegion(e, cc, scope) ?? {}),
  };
  for (const f of outs)
    states[`$out:${f}`] = {
      entry: [{ type: 'token.leave', params: { flows: f === '$end' ? [] : f.split(' ') } }],
      always: { target: '$end' },
    };
  return states;
}

/** Gateways that fork put their tokens themselves; everything else is its handler's state, leaving through $out. */
function compileInRegion(e: ModelElement, cc: CompileCtx, scope: string): StateConfig | null {
  if (e.kind === 'parallelGateway')
    return elementState(e, cc, {
      entry: [{ type: 'token.put', params: { scope, el: e.id, flows: e.outgoing } }],
      always: [leave(e.id, '$idle')],
    });
  if (e.kind === 'inclusiveGateway' && e.outgoing.length > 1) {
    const defaultFlow: string | undefined = e.source.default?.id;
    const flows = e.outgoing
      .filter((f) => f !== defaultFlow)
      .map((f) => ({ flow: f, condition: cc.model.flows.get(f)?.condition }));
    return elementState(e, cc, {
      entry: [
        { type: 'gateway.decide', params: { el: e.id, flows, defaultFlow: defaultFlow ?? null, all: true } },
        { type: 'token.putRoute', params: { scope, el: e.id } },
      ],
      always: [leave(e.id, '$idle', [], okGuard(e.id))],
    });
  }
  return handlerOf(e.kind).compile(e, cc);
}

/** Every flow and element from which `flow` can still be reached without passing the join itself. */
function upstreamOf(
  model: ProcessModel,
  graph: ScopeGraph,
  nodes: Set<string>,
  flow: string,
  join: string,
): string[] {
  const out = new Set<string>();
  const stack = [model.flows.get(flow)?.sourceRef as string];
  const seen = new Set<string>();
  while (stack.length) {
    const n = stack.pop() as string;
    if (!n || n === join || seen.has(n) || !nodes.has(n)) continue;
    seen.add(n);
    out.add(`$a:${n}`);
    if (START_KINDS.has(model.elements.get(n)?.kind ?? '')) out.add(`$start:${n}`);
    for (const p of graph.pred.get(n) ?? []) {
      if (model.flows.has(p.flow)) out.add(p.flow);
      stack.push(p.from);
    }
  }
  return [...out];
}

function regionCc(input: TokenScopeInput, target: (flowId: string) => string): CompileCtx {
  const cc: CompileCtx = {
    model: input.model,
    // A getter, so only elements that do end a path get a `$out:$end` state.
    get endTarget() {
      return target('$end');
    },
    target,
    // Uncontrolled flow (an activity or boundary event with several outgoing flows): a token on each, one `$out`
    // state whose key lists them (flow ids are XML ids, so they hold no space).
    next: (e) =>
      !e.outgoing.length
        ? target('$end')
        : e.outgoing.length > 1 && !GATEWAYS.has(e.kind)
          ? target(e.outgoing.join(' '))
          : target(e.outgoing[0]),
    scopeBody: input.scopeBody,
    compileElement: (e, c) => handlerOf(e.kind).compile(e, c),
    block: () => null,
    boundaries: (host) => {
      const arm: Cfg[] = [];
      const on: Record<string, Cfg[]> = {};
      const always: Cfg[] = [];
      for (const bid of host.boundaries) {
        const b = input.model.elements.get(bid) as ModelElement;
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
  return cc;
}
