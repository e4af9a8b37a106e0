/**
 * @module Who else may open an attachment: anyone who can see a task of an instance whose variables name it
 * (a source unit's rectifier opens what another unit's reporter attached). Bounded to the caller's most recent
 * tasks, so a download never scans the instance table.
 */
import type { Runtime } from '../../engine/runtime';
import type { AttachmentMeta } from '../../forms';
import type { SessionUser } from '../../identity/store';
import { actorOf } from './runtime-of';

const names = (value: unknown, id: string): boolean => JSON.stringify(value ?? null).includes(`"${id}"`);

export function attachmentAccessVia(runtime: Runtime) {
  return async (user: SessionUser, attachment: AttachmentMeta): Promise<boolean> => {
    const seen = new Set<string>();
    for (const status of ['open', 'completed'] as const) {
      const page = await runtime.listTasks({ user: actorOf(user), scope: 'all', status, pageSize: 100 });
      for (const task of page.items) {
        if (seen.has(task.processInstanceId)) continue;
        seen.add(task.processInstanceId);
        const instance = await runtime.getInstance(task.processInstanceId);
        if (names(instance.variables, attachment.id)) return true;
      }
    }
    return false;
  };
}
