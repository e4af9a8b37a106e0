/**
 * @module Who else may open an attachment: anyone who can see a task of an instance that holds it in a *file field*
 * of one of the instance's forms (a source unit's rectifier opens what another unit's reporter attached). A file
 * field only accepts the submitter's own uploads, so an id typed into a free-text field opens nothing. Bounded to
 * the caller's most recent tasks, so a download never scans the instance table.
 */
import { getDefinitionVersion } from '../../engine/store';
import type { Runtime } from '../../engine/runtime';
import { type AttachmentMeta, attachmentIdsIn, getForm } from '../../forms';
import type { SessionUser } from '../../identity/store';
import type { DbOrTx } from '../../platform/db/db';
import { actorOf } from './runtime-of';

const mentions = (value: unknown, id: string): boolean => JSON.stringify(value ?? null).includes(`"${id}"`);

/** Whether `id` sits in a file field of the start form or a task form the instance's definition version binds. */
async function inFileField(
  db: DbOrTx,
  instance: { processKey: string; version: number; variables: Record<string, unknown> },
  id: string,
): Promise<boolean> {
  const def = await getDefinitionVersion(db, instance.processKey, instance.version);
  if (!def) return false;
  const { info } = def.compiled;
  const keys = new Set(
    [info.startFormKey, ...info.userTasks.map((t) => t.formKey)].filter(Boolean) as string[],
  );
  for (const key of keys) {
    const form = await getForm(db, key, def.formBindings[key] ?? undefined);
    if (form && attachmentIdsIn(form, instance.variables).includes(id)) return true;
  }
  return false;
}

export function attachmentAccessVia(runtime: Runtime, db: DbOrTx) {
  return async (user: SessionUser, attachment: AttachmentMeta): Promise<boolean> => {
    const seen = new Set<string>();
    for (const status of ['open', 'completed'] as const) {
      const page = await runtime.listTasks({ user: actorOf(user), scope: 'all', status, pageSize: 100 });
      for (const task of page.items) {
        if (seen.has(task.processInstanceId)) continue;
        seen.add(task.processInstanceId);
        const instance = await runtime.getInstance(task.processInstanceId);
        // the cheap text test first; only an instance that mentions the id has its forms read
        if (mentions(instance.variables, attachment.id) && (await inFileField(db, instance, attachment.id)))
          return true;
      }
    }
    return false;
  };
}
