/** @module None start event: where an instance (or a subprocess body) begins; applies its output mappings and passes on. */
import { elementState } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';
import { startParts } from './start-outputs';

// 'start.outputs' is registered by the signal start event (one library of named actions).
export const startEvent: ElementHandler<'startEvent'> = {
  kind: 'startEvent',
  compile: (el, cc) => elementState(el, cc, startParts(el, cc)),
};
