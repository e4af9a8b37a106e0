/**
 * @module /api/drafts (暂存, an extension in docs/api.md "Tasks"): the caller's own half-written task form
 * (`task/{taskId}`) or start form (`start/{processKey}`), kept on the server so it survives a reload or
 * another browser. Completing the task or starting the process removes it (routes/tasks.ts, routes/instances.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../platform/errors';
import { processKeyOfStartRef, readDraft, removeDraft, removeTaskDrafts, saveDraft } from '../drafts/store';
import type { AppEnv } from '../http/app-env';
import { createRouter } from '../http/env';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { assertMayStart } from '../process-access';
import { ErrorSchema } from './schemas';
import { body, json } from './openapi';

const Params = z.object({
  kind: z
    .enum(['task', 'start'])
    .openapi({
      description:
        'task: ref is a task id; start: ref is a process key, or key:entryId for a form opened from a catalog entry',
    }),
  ref: z.string().min(1).max(200),
});
const draftFields = { data: z.record(z.string(), z.unknown()), updatedAt: z.string() };
const Draft = z.object(draftFields).openapi('Draft');

const get = createRoute({
  method: 'get',
  path: '/api/drafts/{kind}/{ref}',
  tags: ['drafts'],
  summary: '读取暂存 / my draft of a task or start form (null when none)',
  request: { params: Params },
  responses: {
    200: json(z.object({ draft: z.object(draftFields).nullable() }), 'the draft or null'),
    404: json(ErrorSchema, 'no such task for you'),
  },
});
const put = createRoute({
  method: 'put',
  path: '/api/drafts/{kind}/{ref}',
  tags: ['drafts'],
  summary: '暂存 / save my draft (replaces the previous one)',
  request: {
    params: Params,
    body: body(z.object({ data: z.record(z.string(), z.unknown()) })),
  },
  responses: {
    200: json(Draft, 'saved'),
    403: json(ErrorSchema, 'may not start this process'),
    404: json(ErrorSchema, 'no such task for you'),
    409: json(ErrorSchema, 'the task is no longer open'),
  },
});
const del = createRoute({
  method: 'delete',
  path: '/api/drafts/{kind}/{ref}',
  tags: ['drafts'],
  summary: '放弃暂存 / discard my draft',
  request: { params: Params },
  responses: { 200: json(z.object({ removed: z.boolean() }), 'removed or there was none') },
});

/**
 * A task draft is only for a task the caller can see (404 otherwise, as GET /api/tasks/{id}), and only while open.
 * Answers whether the target is still open: a task closed by any path (completed, cancelled, returned by a
 * colleague's action) leaves nothing to restore.
 */
async function checkTarget(
  c: Context<AppEnv>,
  kind: 'task' | 'start',
  ref: string,
  writing: boolean,
): Promise<boolean> {
  if (kind === 'start') {
    if (writing) await assertMayStart(c.get('deps').db, c.get('user'), processKeyOfStartRef(ref));
    return true;
  }
  const task = await runtimeOf(c).getTask(ref, actorOf(c.get('user')));
  if (writing && task.status !== 'open') throw new AppError('CONFLICT', '该任务已办结或已取消，不能再暂存');
  return task.status === 'open';
}

export function draftRoutes() {
  const router = createRouter();
  router.openapi(get, async (c) => {
    const { kind, ref } = c.req.valid('param');
    if (!(await checkTarget(c, kind, ref, false))) {
      await removeTaskDrafts(c.get('deps').db, ref);
      return c.json({ draft: null }, 200);
    }
    const draft = await readDraft(c.get('deps').db, { userId: c.get('user').id, kind, ref });
    return c.json(
      { draft: draft ? { data: draft.data, updatedAt: draft.updatedAt.toISOString() } : null },
      200,
    );
  });
  router.openapi(put, async (c) => {
    const { kind, ref } = c.req.valid('param');
    await checkTarget(c, kind, ref, true);
    const saved = await saveDraft(
      c.get('deps').db,
      { userId: c.get('user').id, kind, ref },
      c.req.valid('json').data,
      c.get('deps').clock.now(),
    );
    return c.json({ data: saved.data, updatedAt: saved.updatedAt.toISOString() }, 200);
  });
  router.openapi(del, async (c) => {
    const { kind, ref } = c.req.valid('param');
    const removed = await removeDraft(c.get('deps').db, { userId: c.get('user').id, kind, ref });
    return c.json({ removed }, 200);
  });
  return router;
}
