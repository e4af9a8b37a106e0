/** @module Intermediate message catch event: subscribes on entry (zeebe:subscription correlationKey), moves on when correlated. */
import { elementState } from '../behaviors/activity';
import {
  correlate,
  messageExit,
  messageSpec,
  subscribe,
  subscriptionMatches,
  validateMessage,
} from '../behaviors/message';
import type { ElementHandler } from '../element-handler';
import { fromEventGateway } from './from-event-gateway';

export const messageCatchEvent: ElementHandler<'messageCatchEvent'> = {
  kind: 'messageCatchEvent',
  validate: (el) => validateMessage(el),
  compile: (el, cc) =>
    fromEventGateway(el, cc.model)
      ? null
      : elementState(el, cc, {
          entry: [{ type: 'message.subscribe', params: { el: el.id, spec: messageSpec(el) } }],
          ...messageExit(el.id, cc.next(el)),
        }),
  actions: {
    'message.subscribe': (ctx, _e, p) => subscribe(ctx, p.el, p.spec, p.el),
    'message.correlated': (ctx, e) => correlate(ctx, e),
    'message.correlatedKeep': (ctx, e) => correlate(ctx, e, true),
  },
  guards: { 'message.matches': (ctx, e, p) => subscriptionMatches(ctx, e, p.el) },
};
