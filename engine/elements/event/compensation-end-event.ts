/** @module Compensation end event: runs the compensation handlers as the throw event does, then ends its path. */
import type { ElementHandler } from '../element-handler';
import { compensationState, validateCompensationThrow } from './compensation-throw-event';

export const compensationEndEvent: ElementHandler<'compensationEndEvent'> = {
  kind: 'compensationEndEvent',
  validate: validateCompensationThrow,
  compile: (el, cc) => compensationState(el, cc, cc.endTarget),
};
