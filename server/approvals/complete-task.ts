/**
 * @module The server's completion of one task, shared by `POST /api/tasks/{id}/complete` and the batch: the step's
 * field access first (422, nothing written), then the engine's completion with the opinion, then the diagram's CC.
 * One read (the task with its instance) and one write (the step, with the task's drafts) per completion: the field
 * access is checked on the row the engine read, not on a read of its own.
 */
import type { Vars } from '../../engine/contract';
import { type RuntimeUser, toTaskDto } from '../../engine/runtime';
import { getTableName } from 'drizzle-orm';
import { formDrafts } from '../drafts/schema';
import type { ActDeps } from './act-deps';
import { copyOnComplete } from './copy-task';
import { checkSubmission, type FieldAccess, parseFieldAccess } from './field-access';

/** Every user's 暂存 of the task (drafts/store.ts removeTaskDrafts), deleted by the completion's own statement. */
const draftsOf = (taskId: string) => ({
  table: getTableName(formDrafts),
  match: { kind: 'task', ref: taskId },
});

export async function completeTask(
  deps: ActDeps,
  user: RuntimeUser,
  taskId: string,
  submitted: Vars,
  comment?: string,
) {
  const { runtime } = deps;
  let headers: Record<string, string> = {};
  let access: FieldAccess = {};
  const done = await runtime.completeUserTask({
    taskId,
    user,
    comment,
    accept: (read) => {
      headers = read.headers;
      const current = { ...(read.instance.variables ?? {}), ...(read.task.localVars ?? {}) } as Vars;
      access = parseFieldAccess(headers.fieldAccess);
      return checkSubmission(submitted, current, access);
    },
    deleteRows: [draftsOf(taskId)],
  });
  const dto = toTaskDto(done.task, deps.clock.now());
  // The completion has committed: a failed copy must not turn it into an error the approver would retry (409).
  await copyOnComplete(deps, dto, headers.cc, done.instance.variables).catch((err) =>
    deps.warn?.(err, `抄送失败 / the cc header of ${done.task.elementId} failed`),
  );
  // Whether the step hid a field from its completer: when not, reader-fields.ts lets them see every field (a step
  // that hides nothing shows all), so the answer needs no reader lookup; when so, the caller asks that rule.
  return { ...done, hidesSome: Object.values(access).includes('hidden') };
}
