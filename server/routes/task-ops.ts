/**
 * @module Approval operations (docs/api.md "Approval operations (审批操作)"): 转办, 委派/交还, 催办, 抄送 and 抄送我的,
 * 批量审批, the inbox counts, and the people picker's directory. Mounted before routes/tasks.ts so that
 * `/api/tasks/counts` and `/api/tasks/complete-batch` are not read as task ids. 退回/撤回/加签 are in approval-flow.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { toTaskDto } from '../../engine/runtime';
import { actDepsOf } from '../approvals/act-deps';
import { completeBatch } from '../approvals/complete-batch';
import { listCopies, markCopiesRead } from '../approvals/copies';
import { copyTask } from '../approvals/copy-task';
import { lookUpUsers } from '../approvals/directory';
import { checkSubmission, parseFieldAccess } from '../approvals/field-access';
import { findHolder } from '../approvals/find-holder';
import type { Vars } from '../../engine/contract';
import { countInbox } from '../approvals/inbox-lists';
import { notifyAct } from '../approvals/notify-act';
import { urgeTask } from '../approvals/urge-task';
import { peopleLabels } from '../../workflows/record';
import { removeTaskDrafts } from '../drafts/store';
import { type AppEnv, createRouter } from '../http/env';
import { visibleInstance } from '../http/instance-access';
import { listInstanceTasks } from '../../engine/store';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { ErrorSchema, PageQuery, pageOf } from './schemas';
import { Task } from './tasks';
import {
  BatchBody,
  BatchResult,
  CcBody,
  DirectoryUser,
  InboxCounts,
  ResolveBody,
  TaskCopy,
  TransferBody,
  UrgeBody,
  UrgeResult,
} from './task-ops.schemas';
import { IdParam, body, json } from './openapi';

const refusals = {
  403: json(ErrorSchema, 'not allowed'),
  404: json(ErrorSchema, 'no such task'),
  409: json(ErrorSchema, 'the task is not in a state that allows it'),
  422: json(ErrorSchema, 'a named user does not exist, is disabled or may not see the task'),
};

const taskAct = <S extends z.ZodTypeAny, O extends z.ZodTypeAny>(
  verb: string,
  summary: string,
  schema: S,
  ok: O,
  extra = {},
) =>
  createRoute({
    method: 'post',
    path: `/api/tasks/{id}/${verb}`,
    tags: ['tasks'],
    summary,
    request: { params: IdParam, body: body(schema) },
    responses: { 200: json(ok, 'done'), ...refusals, ...extra },
  });

const transfer = taskAct(
  'transfer',
  '转办 / transfer: the task becomes `to`’s (due date kept)',
  TransferBody,
  Task,
);
const delegate = taskAct(
  'delegate',
  '委派 / delegate: `to` works on it, then resolves it back to the caller',
  TransferBody,
  Task,
);
const resolve = taskAct(
  'resolve',
  '交还 / resolve: the delegate hands the task back to its owner',
  ResolveBody,
  Task,
);
const urge = taskAct(
  'urge',
  '催办 / urge the task’s holder (starter or supervisor; once an hour)',
  UrgeBody,
  UrgeResult,
  {
    429: json(ErrorSchema, 'urged less than an hour ago'),
  },
);
const cc = taskAct('cc', '抄送 / copy the task to people', CcBody, z.object({ copied: z.array(z.string()) }));

const counts = createRoute({
  method: 'get',
  path: '/api/tasks/counts',
  tags: ['tasks'],
  summary: '收件箱计数 / counts of 待办, 已办, 我发起的, 抄送我的 (and unread)',
  responses: { 200: json(InboxCounts, 'counts') },
});
const batch = createRoute({
  method: 'post',
  path: '/api/tasks/complete-batch',
  tags: ['tasks'],
  summary: '批量审批 / complete several tasks with the same variables and opinion, each on its own',
  request: { body: body(BatchBody) },
  responses: { 200: json(z.object({ results: z.array(BatchResult) }), 'one result per task') },
});
const ccList = createRoute({
  method: 'get',
  path: '/api/cc',
  tags: ['tasks'],
  summary: '抄送我的 / what was copied to me, newest first, with the unread count',
  request: { query: PageQuery.extend({ unread: z.enum(['true', 'false']).optional() }) },
  responses: { 200: json(pageOf(TaskCopy).extend({ unread: z.number() }), 'copies') },
});
const ccRead = createRoute({
  method: 'post',
  path: '/api/cc/read',
  tags: ['tasks'],
  summary: '抄送标记已读 / mark some (ids) or all of my copies read',
  request: { body: body(z.object({ ids: z.array(z.uuid()).max(500).optional() })) },
  responses: { 200: json(z.object({ updated: z.number() }), 'updated') },
});
const openTasks = createRoute({
  method: 'get',
  path: '/api/process-instances/{id}/open-tasks',
  tags: ['instances'],
  summary:
    '当前环节 / the open tasks of an instance, for anyone who may see the instance (催办 from 我发起的)',
  request: { params: IdParam },
  responses: {
    200: json(z.object({ items: z.array(Task) }), 'open tasks'),
    404: json(ErrorSchema, 'no such instance'),
  },
});
const directory = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['auth'],
  summary: '通讯录 / enabled colleagues by unit, role or name (the people picker; at most 50)',
  request: {
    query: z.object({
      unitId: z.string().max(64).optional(),
      role: z.string().max(100).optional(),
      q: z.string().trim().max(50).optional(),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(DirectoryUser) }), 'users') },
});

const actDeps = actDepsOf;

/** A person as a notice names them: 周编目（县公安局）, not the login name (#17 item 2); the login name if unknown. */
const labelOf = async (c: Context<AppEnv>, username: string) =>
  (await peopleLabels(c.get('deps').db, [username])).get(username)?.label ?? username;

export function taskOpsRoutes() {
  const router = createRouter();

  router.openapi(counts, async (c) => c.json(await countInbox(actDeps(c), actorOf(c.get('user'))), 200));

  router.openapi(batch, async (c) => {
    const input = c.req.valid('json');
    // 暂存: as with one completion, a completed task's drafts go.
    const results = await completeBatch(actDeps(c), actorOf(c.get('user')), input, (id) =>
      removeTaskDrafts(c.get('deps').db, id),
    );
    return c.json({ results }, 200);
  });

  router.openapi(transfer, async (c) => {
    const { to, comment } = c.req.valid('json');
    const holder = await findHolder(c.get('deps').db, to);
    const user = actorOf(c.get('user'));
    const row = await runtimeOf(c).transferTask({
      taskId: c.req.valid('param').id,
      user,
      to: holder,
      comment,
    });
    await notifyAct(c.get('deps').db, {
      to: [to],
      actor: user.username,
      title: `转办：「${row.name}」已转给您办理`,
      comment,
      instanceId: row.instanceId,
      taskId: row.id,
      kind: 'transfer',
    });
    // The starter learns who now handles their request (they do not see the task itself: the instance's page).
    const { startedBy } = await runtimeOf(c).getInstance(row.instanceId);
    await notifyAct(c.get('deps').db, {
      to: [startedBy],
      actor: user.username,
      title: `转办：「${row.name}」改由 ${await labelOf(c, to)} 办理`,
      comment,
      instanceId: row.instanceId,
      kind: 'transfer',
    });
    return c.json(toTaskDto(row, c.get('deps').clock.now()), 200);
  });

  router.openapi(delegate, async (c) => {
    const { to, comment } = c.req.valid('json');
    const holder = await findHolder(c.get('deps').db, to);
    const user = actorOf(c.get('user'));
    const row = await runtimeOf(c).delegateTask({
      taskId: c.req.valid('param').id,
      user,
      to: holder,
      comment,
    });
    await notifyAct(c.get('deps').db, {
      to: [to],
      actor: user.username,
      title: `委派：${await labelOf(c, user.username)} 请您办理「${row.name}」`,
      comment,
      instanceId: row.instanceId,
      taskId: row.id,
      kind: 'delegate',
    });
    return c.json(toTaskDto(row, c.get('deps').clock.now()), 200);
  });

  router.openapi(resolve, async (c) => {
    const { variables, comment } = c.req.valid('json');
    const user = actorOf(c.get('user'));
    const id = c.req.valid('param').id;
    // The delegate's work obeys the step's field access as a completion would (422 now, not at the owner's turn).
    const task = await runtimeOf(c).getTask(id, user);
    const headers = await runtimeOf(c).userTaskHeaders(task.processInstanceId, task.elementId);
    const checked =
      variables && checkSubmission(variables, task.variables as Vars, parseFieldAccess(headers.fieldAccess));
    const row = await runtimeOf(c).resolveTask({ taskId: id, user, variables: checked, comment });
    await notifyAct(c.get('deps').db, {
      to: [row.assignee],
      actor: user.username,
      title: `交还：「${row.name}」已办理，请您审批`,
      comment,
      instanceId: row.instanceId,
      taskId: row.id,
      kind: 'resolve',
    });
    return c.json(toTaskDto(row, c.get('deps').clock.now()), 200);
  });

  router.openapi(urge, async (c) => {
    const result = await urgeTask(
      actDeps(c),
      actorOf(c.get('user')),
      c.req.valid('param').id,
      c.req.valid('json').comment,
    );
    return c.json(result, 200);
  });

  router.openapi(cc, async (c) => {
    const user = actorOf(c.get('user'));
    const task = await runtimeOf(c).getTask(c.req.valid('param').id, user);
    const { usernames, comment } = c.req.valid('json');
    return c.json(await copyTask(actDeps(c), user, task, usernames, comment), 200);
  });

  router.openapi(ccList, async (c) => {
    const { unread, page, pageSize } = c.req.valid('query');
    const db = c.get('deps').db;
    const username = c.get('user').username;
    const [list, all] = await Promise.all([
      listCopies(db, username, { unreadOnly: unread === 'true', page, pageSize }),
      listCopies(db, username, { unreadOnly: true, page: 1, pageSize: 1 }),
    ]);
    const items = list.items.map((r) => ({
      id: r.id,
      instanceId: r.instanceId,
      taskId: r.taskId,
      elementId: r.elementId,
      taskName: r.taskName,
      processKey: r.processKey,
      businessKey: r.businessKey,
      copiedBy: r.copiedBy,
      comment: r.comment,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    }));
    return c.json({ items, total: list.total, page, pageSize, unread: all.total }, 200);
  });

  router.openapi(ccRead, async (c) => {
    const updated = await markCopiesRead(
      c.get('deps').db,
      c.get('user').username,
      c.get('deps').clock.now(),
      c.req.valid('json').ids,
    );
    return c.json({ updated }, 200);
  });

  router.openapi(openTasks, async (c) => {
    const instance = await visibleInstance(c, c.req.valid('param').id);
    const now = c.get('deps').clock.now();
    const rows = (await listInstanceTasks(c.get('deps').db, instance.id)).filter((t) => t.status === 'open');
    return c.json({ items: rows.map((t) => toTaskDto(t, now)) }, 200);
  });

  router.openapi(directory, async (c) =>
    c.json({ items: await lookUpUsers(c.get('deps').db, c.req.valid('query')) }, 200),
  );
  return router;
}
