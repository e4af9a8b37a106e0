/** @module Catch events right after an event-based gateway are compiled into the gateway's state, not their own. */
import type { ModelElement, ProcessModel } from '../../types';

export function fromEventGateway(el: ModelElement, model: ProcessModel): boolean {
  return (
    el.incoming.length > 0 &&
    el.incoming.every(
      (f) => model.elements.get(model.flows.get(f)?.sourceRef ?? '')?.kind === 'eventBasedGateway',
    )
  );
}
