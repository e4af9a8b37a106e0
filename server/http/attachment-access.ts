/**
 * @module Who else may open an attachment: anyone who can see a task of an instance that holds it in a *file field*
 * of one of the instance's forms (a source unit's rectifier opens what another unit's reporter attached). A file
 * field only accepts the submitter's own uploads, so an id typed into a free-text field opens nothing. Bounded to
 * the caller's most recent tasks, so a download never scans the instance table.
 * Either way the instance is read as its reader may see it (approvals/reader-fields.ts): a file in a field the
 * diagram hides from the reader opens for them neither through a task nor as the uploader's unit or a county-wide
 * role (`attachmentHiddenVia`).
 */
import { getDefinitionVersion, instancesSubmittedByMentioning } from '../../engine/store';
import type { InstanceDto, Runtime } from '../../engine/runtime';
import { type AttachmentMeta, attachmentIdsIn, getForm } from '../../forms';
import type { SessionUser } from '../../identity/store';
import type { DbOrTx } from '../../platform/db/db';
import { instanceSeenBy } from '../approvals/reader-fields';
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

/** Whether the instance holds `id` in a file field at all, and whether in one `user` may see. */
async function holds(runtime: Runtime, db: DbOrTx, user: SessionUser, instance: InstanceDto, id: string) {
  // the cheap text test first; only an instance that mentions the id has its forms read
  if (!mentions(instance.variables, id) || !(await inFileField(db, instance, id)))
    return { held: false, shown: false };
  const seen = await instanceSeenBy({ db, runtime }, actorOf(user), instance);
  return { held: true, shown: mentions(seen.variables, id) && (await inFileField(db, seen, id)) };
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
        if ((await holds(runtime, db, user, instance, attachment.id)).shown) return true;
      }
    }
    return false;
  };
}

/**
 * For the uploader's unit and county-wide roles: whether every instance that holds the file in a file field (the
 * uploader's newest submissions) holds it only in fields hidden from `user`. A file no instance holds yet (just
 * uploaded, or in a 暂存) is not hidden.
 */
export function attachmentHiddenVia(runtime: Runtime, db: DbOrTx) {
  return async (user: SessionUser, attachment: AttachmentMeta): Promise<boolean> => {
    let held = false;
    for (const id of await instancesSubmittedByMentioning(db, attachment.ownerUsername, attachment.id)) {
      const found = await holds(runtime, db, user, await runtime.getInstance(id), attachment.id);
      if (found.shown) return false;
      held ||= found.held;
    }
    return held;
  };
}
