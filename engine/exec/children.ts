/** @module Stopping spawned children (side paths, multi-instance bodies): their exit actions do not run on stop, so close what they hold here. */
import { closingEffect } from './closing';
import type { AnyEvent } from '../elements/element-handler';
import { type Ctx, emit, type Open } from './context';

export type ChildRef = { getSnapshot(): { context?: Ctx } } | undefined;

/** Emit the closing effects of everything a child still holds. */
export function closeChild(child: ChildRef) {
  const open: Record<string, Open> = child?.getSnapshot().context?.open ?? {};
  for (const key in open) {
    const effect = closingEffect(key, open[key]);
    if (effect) emit(effect);
  }
}

export const DONE_PREFIX = 'xstate.done.actor.';

/**
 * A multi-instance body nested in a spawned body is spawned by that body, numbered `parentSpawn * NESTED + k`
 * (the body's counter starts there), so keys stay unique in the instance and the root can route by the parent.
 */
export const NESTED = 1_000_000;

/** The spawn number of the root's child holding an element whose activation is `act`. */
export const rootSpawnOf = (act: number) => (act >= NESTED ? Math.floor(act / NESTED) : act);

/**
 * Which side-path child an event is for: the path holding its element, spawn number = the element's activation
 * (in the root, the number of the root's child that holds it, see NESTED).
 */
export function sideChildId(e: AnyEvent, sideOf: Record<string, string>, inRoot = true): string | null {
  let el: string = e.elementId;
  let act: number = e.activation;
  if (e.type === 'incident.retry') {
    const m = /^(.*)#(\d+)!\d+$/.exec(String(e.incidentKey));
    if (!m) return null;
    [el, act] = [m[1], Number(m[2])];
  }
  const b = sideOf[el];
  return b ? `${b}#${inRoot ? rootSpawnOf(act) : act}` : null;
}
