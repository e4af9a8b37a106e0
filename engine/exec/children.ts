/** @module Stopping spawned children (side paths, multi-instance bodies): their exit actions do not run on stop, so close what they hold here. */
import { closingEffect } from './ops';
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
