/** @module Tasks (docs/api.md "Tasks"): the inbox by scope, one task with its form and prefilled data, claim, unclaim, complete. */
import { createRoute, z } from '@hono/zod-openapi';
import { toInstanceDto, toTaskDto } from '../../engine/runtime';
import { getForm } from '../../forms';
import { withTitles } from '../../workflows/record';
import { createRouter } from '../http/env';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { actDepsOf } from '../approvals/act-deps';
import { completeTask } from '../approvals/complete-task';
import { formForStep, parseFieldAccess, withoutHidden } from '../approvals/field-access';
import { listDoneTasks } from '../approvals/inbox-lists';
import { instanceSeenBy } from '../approvals/reader-fields';
import { Comment } from './task-ops.schemas';
import { Instance } from './instances';
import { IdParam, json } from './openapi';
import { ErrorSchema, PageQuery, pageOf } from './schemas';

/** engine/runtime/dto.ts's TaskDto, field for field: the generated UI types (ui/src/api/generated.ts) come from here. */
export const Task = z
  .object({
    id: z.string(),
    name: z.string(),
    elementId: z.string(),
    processInstanceId: z.string(),
    processKey: z.string(),
    businessKey: z.string().nullable(),
    /** What the task is about (#17): built by its process's title builder from the business; absent when unknown. */
    title: z.string().optional(),
    status: z.enum(['open', 'completed', 'cancelled']),
    assignee: z.string().optional(),
    /** 委派: the delegator while the task is delegated to `assignee`. */
    owner: z.string().optional(),
    candidateGroups: z.array(z.string()),
    candidateUsers: z.array(z.string()),
    unitId: z.string().optional(),
    createdAt: z.string(),
    dueAt: z.string().optional(),
    /** The deadline was computed past the working-day calendar's known years. */
    dueProvisional: z.boolean(),
    overdue: z.boolean(),
    formKey: z.string().optional(),
    formVersion: z.number().int().optional(),
    completedAt: z.string().optional(),
    completedBy: z.string().optional(),
  })
  .openapi('Task');
/** The task's form as the task page renders it. */
const TaskForm = z
  .object({
    key: z.string(),
    version: z.number().int(),
    title: z.string(),
    schema: z.record(z.string(), z.unknown()),
    uiSchema: z.record(z.string(), z.unknown()),
  })
  .openapi('TaskForm');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const list = createRoute({
  method: 'get',
  path: '/api/tasks',
  tags: ['tasks'],
  summary: '任务列表 / the inbox: mine, group (to claim) or all I may see',
  request: {
    query: PageQuery.extend({
      // done: tasks I completed, newest completion first (审批操作: 已办); status does not apply to it.
      scope: z.enum(['mine', 'group', 'all', 'done']).default('all'),
      status: z.enum(['open', 'completed', 'cancelled']).default('open'),
      processKey: z.string().max(200).optional(),
      processInstanceId: z.string().max(64).optional(),
      overdue: z.enum(['true', 'false']).optional(),
      unitId: z.string().max(64).optional(),
    }),
  },
  responses: { 200: json(pageOf(Task), 'tasks') },
});
const get = createRoute({
  method: 'get',
  path: '/api/tasks/{id}',
  tags: ['tasks'],
  summary: '任务详情 / a task with its variables, form and prefilled form data',
  request: { params: IdParam },
  responses: {
    200: json(
      Task.extend({
        variables: z.record(z.string(), z.unknown()),
        formData: z.record(z.string(), z.unknown()).optional(),
        form: TaskForm.optional(),
      }).openapi('TaskDetail'),
      'task',
    ),
  },
});
const action = (verb: 'claim' | 'unclaim', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/tasks/{id}/${verb}`,
    tags: ['tasks'],
    summary,
    request: { params: IdParam },
    responses: { 200: json(Task, 'task'), 409: json(ErrorSchema, 'conflict') },
  });
const claim = action('claim', '领取任务 / claim');
const unclaim = action('unclaim', '退回待领取 / unclaim');
const complete = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/complete',
  tags: ['tasks'],
  summary: '办理完成 / complete (the task form validates the variables)',
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ variables: z.record(z.string(), z.any()).default({}), comment: Comment }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ task: Task, instance: Instance }).openapi('CompleteResult'), 'completed'),
    409: json(ErrorSchema, 'already completed'),
    422: json(ErrorSchema, 'variables fail the form'),
  },
});

/** The form's top-level fields, taken from the instance's variables: a revise task opens with the last draft. */
function prefill(schema: unknown, variables: Record<string, unknown>) {
  const props = (schema as { properties?: Record<string, unknown> })?.properties ?? {};
  return Object.fromEntries(
    Object.keys(props)
      .filter((k) => variables[k] !== undefined)
      .map((k) => [k, variables[k]]),
  );
}

export function taskRoutes() {
  const router = createRouter();
  router.openapi(list, async (c) => {
    const { overdue, ...q } = c.req.valid('query');
    // Ids are opaque to clients; one that cannot exist matches nothing rather than failing the query.
    if (q.processInstanceId && !UUID.test(q.processInstanceId))
      return c.json({ items: [], total: 0, page: q.page, pageSize: q.pageSize }, 200);
    const { scope, ...rest } = q;
    const page =
      scope === 'done'
        ? await listDoneTasks(actDepsOf(c), c.get('user').username, q.page, q.pageSize)
        : await runtimeOf(c).listTasks({
            ...rest,
            scope,
            overdue: overdue === 'true',
            user: actorOf(c.get('user')),
          });
    return c.json({ ...page, items: await withTitles(c.get('deps').db, page.items) }, 200);
  });

  router.openapi(get, async (c) => {
    const task = await runtimeOf(c).getTask(c.req.valid('param').id, actorOf(c.get('user')));
    const form = task.formKey
      ? await getForm(c.get('deps').db, task.formKey, task.formVersion ?? undefined)
      : undefined;
    // Field access per step (header fieldAccess): hidden fields never leave the server, read fields are read-only.
    const access = parseFieldAccess(
      (await runtimeOf(c).userTaskHeaders(task.processInstanceId, task.elementId)).fieldAccess,
    );
    const variables = withoutHidden(task.variables as Record<string, unknown>, access);
    const shown = form
      ? formForStep(form.schema as Record<string, unknown>, form.uiSchema as Record<string, unknown>, access)
      : undefined;
    const body = {
      ...(await withTitles(c.get('deps').db, [task]))[0],
      variables,
      ...(form && shown
        ? {
            form: { key: form.key, version: form.version, title: form.title, ...shown },
            formData: prefill(shown.schema, variables),
          }
        : {}),
    };
    return c.json(body, 200);
  });

  router.openapi(claim, async (c) => {
    const row = await runtimeOf(c).claimTask({ taskId: c.req.valid('param').id, user: actorOf(c.get('user')) });
    return c.json(toTaskDto(row, c.get('deps').clock.now()), 200);
  });

  router.openapi(unclaim, async (c) => {
    const row = await runtimeOf(c).unclaimTask({
      taskId: c.req.valid('param').id,
      user: actorOf(c.get('user')),
    });
    return c.json(toTaskDto(row, c.get('deps').clock.now()), 200);
  });

  router.openapi(complete, async (c) => {
    const { variables, comment } = c.req.valid('json');
    // approvals/complete-task.ts: the step's field access, the engine's completion with the opinion, the diagram's 抄送.
    // 暂存 (routes/drafts.ts): a completed task's drafts are of no further use to anyone; the step's statement deletes them.
    const deps = actDepsOf(c);
    const actor = actorOf(c.get('user'));
    const { task, instance, hidesSome } = await completeTask(
      deps,
      actor,
      c.req.valid('param').id,
      variables,
      comment,
    );
    // The answer's instance is a read of the instance (approvals/reader-fields.ts): a completer whose step hid a field
    // does not get it back here. A step that hides nothing shows its completer all by that rule: no lookup then.
    const seen = hidesSome
      ? await instanceSeenBy(deps, actor, toInstanceDto(instance))
      : toInstanceDto(instance);
    return c.json({ task: toTaskDto(task, c.get('deps').clock.now()), instance: seen }, 200);
  });
  return router;
}
