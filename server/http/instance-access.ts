/**
 * @module Who may see a process instance: county-wide roles; the starter's unit; anyone who holds or held one of
 * its tasks (a source unit's rectifier sees the problem another unit reported). Others get 404 (docs/api.md).
 */
import type { Context } from 'hono';
import type { InstanceDto } from '../../engine/runtime';
import { AppError } from '../../platform/errors';
import { isCountyWide } from '../auth/rbac';
import { wasCopied } from '../approvals/copies';
import type { AppEnv } from './env';
import { actorOf, runtimeOf } from './runtime-of';

export async function canSeeInstance(c: Context<AppEnv>, instance: InstanceDto): Promise<boolean> {
  const user = c.get('user');
  if (
    isCountyWide(user) ||
    (instance.unitId && instance.unitId === user.unitId) ||
    instance.startedBy === user.username
  )
    return true;
  // 抄送: whoever a task of it was copied to may read it.
  if (await wasCopied(c.get('deps').db, instance.id, user.username)) return true;
  const runtime = runtimeOf(c);
  for (const status of ['open', 'completed'] as const) {
    const page = await runtime.listTasks({
      user: actorOf(user),
      scope: 'all',
      processInstanceId: instance.id,
      status,
      pageSize: 1,
    });
    if (page.total > 0) return true;
  }
  return false;
}

export async function visibleInstance(c: Context<AppEnv>, id: string): Promise<InstanceDto> {
  const instance = await runtimeOf(c).getInstance(id);
  if (!(await canSeeInstance(c, instance))) {
    // the same words as an instance that does not exist (engine/runtime/ids.ts): a hidden one is not told apart
    throw new AppError('NOT_FOUND', '流程实例不存在', { messageEn: 'Process instance not found' });
  }
  return instance;
}
