/** @module broadcastSignal: POST /api/signals: a signal delivered to every listener (runtime/signal-delivery.ts) in one transaction. */
import { deliverSignal, type SignalInput } from '../signal-delivery';
import { createInstance, stepInstance } from '../step';
import { inTransaction } from '../transaction';
import type { RuntimeContext } from '../types';

export function broadcastSignal(rt: RuntimeContext, input: SignalInput): Promise<{ triggered: number }> {
  return inTransaction(rt, (tx) =>
    deliverSignal(rt, tx, input, {
      step: (t, instance, event, options) => stepInstance(rt, t, instance, event, options),
      create: (t, def, start) => createInstance(rt, t, def, start),
    }),
  );
}
