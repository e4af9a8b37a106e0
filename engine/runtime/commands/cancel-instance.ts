/** @module cancelInstance: ends an active instance; its open tasks, timers, jobs and call-activity children end with it. */
import { type InstanceRow, loadInstance } from '../../store';
import { isUuid, notFound } from '../ids';
import { stepInstance } from '../step';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export async function cancelInstance(
  rt: RuntimeContext,
  input: { instanceId: string; reason?: string; user?: RuntimeUser },
): Promise<InstanceRow> {
  if (!isUuid(input.instanceId)) throw notFound('流程实例', 'Process instance', input.instanceId);
  const actor = input.user?.username ?? null;
  return inTransaction(rt, async (tx) => {
    const instance = await loadInstance(tx, input.instanceId);
    if (!instance) throw notFound('流程实例', 'Process instance', input.instanceId);
    const event = {
      type: 'instance.cancel' as const,
      at: rt.clock.now().toISOString(),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(actor ? { actor } : {}),
    };
    const cancelled = (await stepInstance(rt, tx, instance, event, { actor })).instance;
    // The process's own rows let go in the same transaction (catalog-change's entry lock): all or nothing.
    await rt.hooks.afterCancel?.({ db: tx, instance: cancelled });
    return cancelled;
  });
}
