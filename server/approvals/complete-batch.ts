/** @module 批量审批: each task completed on its own with the same variables and opinion; one failing changes no other. */
import type { Vars } from '../../engine/contract';
import type { RuntimeUser } from '../../engine/runtime';
import { isAppError } from '../../platform/errors';
import type { ActDeps } from './act-deps';
import { completeTask } from './complete-task';

export interface BatchResult {
  taskId: string;
  status: 'completed' | 'failed';
  error?: { code: string; message: string; messageEn: string };
}

export async function completeBatch(
  deps: ActDeps,
  user: RuntimeUser,
  input: { taskIds: string[]; variables: Vars; comment?: string },
  afterEach?: (taskId: string) => Promise<void>,
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  // One after another: each is its own step (and its own retry), so a refusal or a lost race is that task's alone.
  for (const taskId of [...new Set(input.taskIds)]) {
    try {
      await completeTask(deps, user, taskId, input.variables, input.comment);
      await afterEach?.(taskId);
      results.push({ taskId, status: 'completed' });
    } catch (e) {
      if (!isAppError(e)) throw e;
      results.push({
        taskId,
        status: 'failed',
        error: { code: e.code, message: e.message, messageEn: e.messageEn },
      });
    }
  }
  return results;
}
