/** @module Signal start event: a broadcast of its signal starts an instance here (CompiledProcess.info.signalStarts). */
import { elementState } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';
import { validateSignal } from './signal-spec';
import { startOutputs, startParts } from './start-outputs';

export const signalStartEvent: ElementHandler<'signalStartEvent'> = {
  kind: 'signalStartEvent',
  validate: (el) => validateSignal(el),
  compile: (el, cc) => elementState(el, cc, startParts(el, cc)),
  actions: { 'start.outputs': startOutputs },
};
