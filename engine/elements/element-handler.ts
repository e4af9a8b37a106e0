/** @module The interface every element kind implements: deploy-time checks, compilation to a state, and its named runtime actions. */
import type { ValidationIssue } from '../contract';
import type { Ctx } from '../exec/context';
import type { ElementKind, ModelElement, ProcessModel } from '../types';

/** A JSON XState state node (or transition) config. */
export type StateConfig = { [key: string]: unknown };
/** A piece of JSON config (transitions, arming specs): plain data, typed loosely while it is assembled. */
export type Cfg = unknown;
export type Action = { type: string; params?: unknown };

/** Any event a machine sees: EngineEvents plus internal ones (bpmn.error, xstate.*). */
export type AnyEvent = { type: string; [k: string]: any };
export type Params = any;
export type ActionFn = (ctx: Ctx, event: AnyEvent, params: Params) => Ctx;
export type GuardFn = (ctx: Ctx, event: AnyEvent, params: Params) => boolean;

export interface CompileCtx {
  model: ProcessModel;
  /** Where a sequence flow leads from this container: a sibling state key, '$join' or '$end'. */
  target(flowId: string): string;
  /** The target of the element's single outgoing flow, or the container's end when it has none. */
  next(el: ModelElement): string;
  /** Where an end event leads in this container ('$end' in a scope, '$join' in a parallel branch). */
  endTarget: string;
  /** A subprocess body as compound-state parts ({initial, states}). */
  scopeBody(scopeId: string): StateConfig;
  /** The regions of a parallel/inclusive split (one per outgoing flow) and where its block continues. */
  block(splitId: string): { regions: Record<string, StateConfig>; after: string } | null;
  /** The compiled boundary transitions and arming spec of an activity. */
  boundaries(host: ModelElement): { arm: Cfg[]; on: Record<string, Cfg[]>; always: Cfg[] };
  /** Another element's state by its own handler (compensation handlers run inside the throw event's state). */
  compileElement(el: ModelElement, cc: CompileCtx): StateConfig | null;
}

/** What a boundary-event handler contributes to its host's state. */
export interface BoundaryParts {
  arm: Cfg;
  on: Record<string, Cfg[]>;
  always?: Cfg[];
}

export interface ElementHandler<K extends ElementKind> {
  kind: K;
  validate?(el: ModelElement, model: ProcessModel): ValidationIssue[];
  /** The element's state config, or null when another element compiles it (boundary events, event-gateway targets). */
  compile(el: ModelElement, cc: CompileCtx): StateConfig | null;
  /** Boundary events only: their arming on host entry and their transitions on the host. */
  attach?(el: ModelElement, cc: CompileCtx): BoundaryParts;
  actions?: Record<string, ActionFn>;
  guards?: Record<string, GuardFn>;
  /** Actions that need XState built-ins (spawning or stopping children): given to setup() as they are. */
  xstateActions?: Record<string, unknown>;
}

export const meta = (el: ModelElement) => ({
  bpmn: { id: el.id, kind: el.kind, ...(el.name ? { name: el.name } : {}) },
});
