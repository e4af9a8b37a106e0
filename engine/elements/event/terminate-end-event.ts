/** @module Terminate end event: ends the whole instance at once, cancelling every open task, timer, job and side path. */
import { elementState } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const terminateEndEvent: ElementHandler<'terminateEndEvent'> = {
  kind: 'terminateEndEvent',
  compile: (el, cc) => elementState(el, cc, { entry: [{ type: 'terminate.raise', params: { el: el.id } }] }),
};
