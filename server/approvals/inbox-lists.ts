/** @module The inbox tabs' other lists and counts: 已办 (what I completed), and the counts of 待办/已办/我发起的/抄送我的. */
import { and, count, desc, eq } from 'drizzle-orm';
import { type RuntimeUser, toTaskDto } from '../../engine/runtime';
import { processInstances, userTasks } from '../../engine/store';
import type { ActDeps } from './act-deps';
import { countCopies } from './copies';

const doneBy = (username: string) =>
  and(eq(userTasks.completedBy, username), eq(userTasks.status, 'completed'));

/** Tasks this person completed, newest completion first (the partial index user_tasks_done_idx). */
export async function listDoneTasks(deps: ActDeps, username: string, page: number, pageSize: number) {
  const size = Math.min(Math.max(pageSize, 1), 100);
  const rows = await deps.db
    .select()
    .from(userTasks)
    .where(doneBy(username))
    .orderBy(desc(userTasks.completedAt), desc(userTasks.id))
    .limit(size)
    .offset((Math.max(page, 1) - 1) * size);
  const [{ n }] = await deps.db.select({ n: count() }).from(userTasks).where(doneBy(username));
  const now = deps.clock.now();
  return { items: rows.map((r) => toTaskDto(r, now)), total: n, page, pageSize: size };
}

export async function countInbox(deps: ActDeps, user: RuntimeUser) {
  // 待办 as the inbox's tab counts it: assigned to me, or offered to me and not yet claimed by anyone.
  const [mine, group, [done], [started], cc] = await Promise.all([
    deps.runtime.listTasks({ user, scope: 'mine', status: 'open', pageSize: 1 }),
    deps.runtime.listTasks({ user, scope: 'group', status: 'open', pageSize: 1 }),
    deps.db.select({ n: count() }).from(userTasks).where(doneBy(user.username)),
    deps.db
      .select({ n: count() })
      .from(processInstances)
      .where(eq(processInstances.startedBy, user.username)),
    countCopies(deps.db, user.username),
  ]);
  return {
    todo: mine.total + group.total,
    done: done.n,
    started: started.n,
    cc: cc.all,
    ccUnread: cc.unread,
  };
}
