/**
 * @module The server's completion of one task, shared by `POST /api/tasks/{id}/complete` and the batch: the step's
 * field access first (422, nothing written), then the engine's completion with the opinion, then the diagram's CC.
 */
import type { Vars } from '../../engine/contract';
import { type RuntimeUser, toTaskDto } from '../../engine/runtime';
import type { ActDeps } from './act-deps';
import { copyOnComplete } from './copy-task';
import { checkSubmission, parseFieldAccess } from './field-access';

export async function completeTask(
  deps: ActDeps,
  user: RuntimeUser,
  taskId: string,
  submitted: Vars,
  comment?: string,
) {
  const { runtime } = deps;
  const task = await runtime.getTask(taskId, user);
  const headers = await runtime.userTaskHeaders(task.processInstanceId, task.elementId);
  const variables = checkSubmission(submitted, task.variables as Vars, parseFieldAccess(headers.fieldAccess));
  const done = await runtime.completeUserTask({ taskId, variables, user, comment });
  const dto = toTaskDto(done.task, deps.clock.now());
  // The completion has committed: a failed copy must not turn it into an error the approver would retry (409).
  await copyOnComplete(deps, dto, headers.cc, done.instance.variables).catch((err) =>
    deps.warn?.(err, `抄送失败 / the cc header of ${task.elementId} failed`),
  );
  return done;
}
