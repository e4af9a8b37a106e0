/**
 * @module Signal intermediate catch event: waits for a broadcast of its signal. It subscribes like a message catch
 * (kind 'signal', no correlation key), so the message actions and guard run it and an event-based gateway can arm it.
 */
import { elementState } from '../behaviors/activity';
import { messageExit } from '../behaviors/message';
import type { ElementHandler } from '../element-handler';
import { fromEventGateway } from './from-event-gateway';
import { signalSpec, validateSignal } from './signal-spec';

export const signalCatchEvent: ElementHandler<'signalCatchEvent'> = {
  kind: 'signalCatchEvent',
  validate: (el) => validateSignal(el),
  compile: (el, cc) =>
    fromEventGateway(el, cc.model)
      ? null
      : elementState(el, cc, {
          entry: [{ type: 'message.subscribe', params: { el: el.id, spec: signalSpec(el) } }],
          ...messageExit(el.id, cc.next(el)),
        }),
};
