/**
 * @module 退回, 撤回, 撤销, 加签/减签 over HTTP (docs/api.md "Approval operations"). Thin: the engine's commands decide
 * who may act and when (engine/runtime/commands/return-task.ts, withdraw-instance.ts, add-signers.ts); a refusal
 * is an AppError (403 / 409 / 4xx in Chinese) and changes nothing.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type InstanceDto, toInstanceDto } from '../../engine/runtime';
import { addSigners, removeSigners } from '../../engine/runtime/commands/add-signers';
import { returnTargets, returnTask } from '../../engine/runtime/commands/return-task';
import { revokeInstance, withdrawInstance } from '../../engine/runtime/commands/withdraw-instance';
import { getTaskRow } from '../../engine/store';
import { actDepsOf } from '../approvals/act-deps';
import { findHolders } from '../approvals/find-holder';
import { notifyAct } from '../approvals/notify-act';
import { instanceSeenBy } from '../approvals/reader-fields';
import { auditAct } from '../http/audit-act';
import { type AppEnv, createRouter } from '../http/env';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { Instance } from './instances';
import { ErrorSchema } from './schemas';
import { IdParam, body, json } from './openapi';

const refusals = {
  403: json(ErrorSchema, 'the caller may not do this'),
  404: json(ErrorSchema, 'no such task or instance (or not visible)'),
  409: json(ErrorSchema, 'the task or instance no longer allows it (reason in Chinese)'),
};
const MoveResult = z
  .object({
    instance: Instance,
    openedTasks: z.array(z.object({ id: z.string(), elementId: z.string(), name: z.string() })),
  })
  .openapi('MoveResult');
const Comment = z.string().max(2000);

const targets = createRoute({
  method: 'get',
  path: '/api/tasks/{id}/return-targets',
  tags: ['approval'],
  summary: '可退回的步骤 / steps this task may be returned to',
  request: { params: IdParam },
  responses: {
    200: json(
      z.array(z.object({ elementId: z.string(), name: z.string(), lastAssignee: z.string().nullable() })),
      'return targets, in the order they were done',
    ),
    ...refusals,
  },
});
const returnRoute = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/return',
  tags: ['approval'],
  summary: '退回 / return to an earlier step',
  request: {
    params: IdParam,
    body: body(z.object({ toElementId: z.string().min(1).max(200), comment: Comment.min(1) })),
  },
  responses: { 200: json(MoveResult, 'returned'), ...refusals },
});
const withdraw = createRoute({
  method: 'post',
  path: '/api/process-instances/{id}/withdraw',
  tags: ['approval'],
  summary: '撤回 / the starter pulls the request back before anyone acted',
  request: { params: IdParam, body: body(z.object({ comment: Comment.optional() })) },
  responses: { 200: json(MoveResult, 'withdrawn: the start step is open again'), ...refusals },
});
const revoke = createRoute({
  method: 'post',
  path: '/api/process-instances/{id}/revoke',
  tags: ['approval'],
  summary: '撤销 / the starter cancels the request',
  request: { params: IdParam, body: body(z.object({ reason: z.string().min(1).max(1000) })) },
  responses: { 200: json(Instance, 'cancelled'), ...refusals },
});

const Usernames = z.array(z.string().min(1).max(100)).min(1).max(20);
const addSignersRoute = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/add-signers',
  tags: ['approval'],
  summary: '加签 / add signers before, after or beside the holder',
  request: {
    params: IdParam,
    body: body(
      z.object({
        usernames: Usernames,
        mode: z.enum(['before', 'after', 'parallel']),
        comment: Comment.optional(),
      }),
    ),
  },
  responses: {
    200: json(MoveResult, 'signers added: the tasks it opened'),
    400: json(ErrorSchema, 'oneself'),
    422: json(ErrorSchema, 'unknown, disabled or outside the task’s unit'),
    ...refusals,
  },
});
const removeSignersRoute = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/remove-signers',
  tags: ['approval'],
  summary: '减签 / remove added signers who have not signed',
  request: { params: IdParam, body: body(z.object({ usernames: Usernames })) },
  responses: { 200: json(MoveResult, 'signers removed'), ...refusals },
});

/** The people the tasks a step opened were given to (assignee), for their notice. */
async function holdersOf(db: Parameters<typeof getTaskRow>[0], opened: { id: string }[]) {
  const rows = await Promise.all(opened.map((t) => getTaskRow(db, t.id)));
  return rows.flatMap((r) => (r?.assignee ? [{ id: r.id, name: r.name, assignee: r.assignee }] : []));
}


/** The instance as the caller may see it: hidden fields of the steps' field access left out (approvals/reader-fields.ts). */
const seenBy = async (c: Context<AppEnv>, instance: InstanceDto) => instanceSeenBy(actDepsOf(c), actorOf(c.get('user')), instance);
export function approvalFlowRoutes() {
  const router = createRouter();
  router.openapi(targets, async (c) => {
    const list = await returnTargets(runtimeOf(c).context, c.req.valid('param').id, actorOf(c.get('user')));
    return c.json(list, 200);
  });

  router.openapi(returnRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const outcome = await returnTask(runtimeOf(c).context, {
      taskId: id,
      ...input,
      user: actorOf(c.get('user')),
    });
    await auditAct(c, c.get('deps').db, { action: 'task.return', target: id, details: input });
    for (const t of await holdersOf(c.get('deps').db, outcome.openedTasks))
      await notifyAct(c.get('deps').db, {
        to: [t.assignee],
        actor: c.get('user').username,
        title: `退回：「${t.name}」已退回给您重新办理`,
        comment: input.comment,
        instanceId: outcome.instance.id,
        taskId: t.id,
        kind: 'return',
      });
    return c.json({ instance: await seenBy(c, toInstanceDto(outcome.instance)), openedTasks: outcome.openedTasks }, 200);
  });

  router.openapi(withdraw, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const outcome = await withdrawInstance(runtimeOf(c).context, {
      instanceId: id,
      ...input,
      user: actorOf(c.get('user')),
    });
    await auditAct(c, c.get('deps').db, { action: 'instance.withdraw', target: id, details: input });
    return c.json({ instance: await seenBy(c, toInstanceDto(outcome.instance)), openedTasks: outcome.openedTasks }, 200);
  });

  router.openapi(revoke, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    await revokeInstance(runtimeOf(c).context, { instanceId: id, ...input, user: actorOf(c.get('user')) });
    await auditAct(c, c.get('deps').db, { action: 'instance.revoke', target: id, details: input });
    return c.json(await seenBy(c, await runtimeOf(c).getInstance(id)), 200);
  });
  router.openapi(addSignersRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const signers = await findHolders(c.get('deps').db, input.usernames, 'usernames');
    const outcome = await addSigners(runtimeOf(c).context, {
      taskId: id,
      signers,
      mode: input.mode,
      comment: input.comment,
      user: actorOf(c.get('user')),
    });
    await auditAct(c, c.get('deps').db, { action: 'task.add-signers', target: id, details: input });
    const opened = new Map((await holdersOf(c.get('deps').db, outcome.openedTasks)).map((t) => [t.assignee, t]));
    // `after` signers have no task yet: they hear of it now and get the task when the holder has decided.
    for (const username of input.usernames)
      await notifyAct(c.get('deps').db, {
        to: [username],
        actor: c.get('user').username,
        title: opened.get(username)
          ? `加签：请您签署「${opened.get(username)?.name}」`
          : '加签：办理人处理后，将请您签署意见',
        comment: input.comment,
        instanceId: outcome.instance.id,
        taskId: opened.get(username)?.id,
        kind: 'add-signers',
      });
    return c.json({ instance: await seenBy(c, toInstanceDto(outcome.instance)), openedTasks: outcome.openedTasks }, 200);
  });

  router.openapi(removeSignersRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const outcome = await removeSigners(runtimeOf(c).context, {
      taskId: id,
      ...input,
      user: actorOf(c.get('user')),
    });
    await auditAct(c, c.get('deps').db, { action: 'task.remove-signers', target: id, details: input });
    await notifyAct(c.get('deps').db, {
      to: input.usernames,
      actor: c.get('user').username,
      title: '减签：您已无需签署该事项',
      instanceId: outcome.instance.id,
      kind: 'remove-signers',
    });
    return c.json({ instance: await seenBy(c, toInstanceDto(outcome.instance)), openedTasks: outcome.openedTasks }, 200);
  });
  return router;
}
