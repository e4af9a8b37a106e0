/** @module Process instances (docs/api.md "Process instances"): start (start form validated), list, get, history, cancel. */
import { createRoute, z } from '@hono/zod-openapi';
import { actDepsOf } from '../approvals/act-deps';
import { hiddenFromReader, historyForReader, instanceSeenBy } from '../approvals/reader-fields';
import { isCountyWide, requireRole } from '../auth/rbac';
import { removeStartDrafts } from '../drafts/store';
import { createRouter } from '../http/env';
import { visibleInstance } from '../http/instance-access';
import { auditAct } from '../http/audit-act';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { assertMayStart } from '../process-access';
import { ErrorSchema, PageQuery } from './schemas';
import { IdParam, body, json } from './openapi';

/** engine/runtime/dto.ts's InstanceDto, field for field (tasks.ts answers it too). */
export const Instance = z
  .object({
    id: z.string(),
    processKey: z.string(),
    version: z.number(),
    businessKey: z.string().nullable(),
    status: z.enum(['active', 'completed', 'cancelled', 'incident']),
    variables: z.record(z.string(), z.unknown()),
    activeElementIds: z.array(z.string()),
    startedAt: z.string(),
    endedAt: z.string().optional(),
    startedBy: z.string().optional(),
    unitId: z.string().optional(),
    parentInstanceId: z.string().optional(),
  })
  .openapi('ProcessInstance');
const HistoryEvent = z
  .object({
    at: z.string(),
    type: z.string(),
    elementId: z.string().optional(),
    actor: z.string().optional(),
    data: z.unknown().optional(),
  })
  .openapi('HistoryEvent');
const Variables = z.record(z.string(), z.any());

const start = createRoute({
  method: 'post',
  path: '/api/process-instances',
  tags: ['instances'],
  summary: '发起流程 / start a process (its start form validates the variables)',
  request: {
    body: body(
      z.object({
        processKey: z.string().min(1).max(200),
        businessKey: z.string().max(200).optional(),
        variables: Variables.optional(),
      }),
    ),
  },
  responses: { 201: json(Instance, 'started'), 422: json(ErrorSchema, 'variables fail the start form') },
});
const list = createRoute({
  method: 'get',
  path: '/api/process-instances',
  tags: ['instances'],
  summary: '流程实例列表 / instances the caller may see',
  request: {
    query: PageQuery.extend({
      processKey: z.string().max(200).optional(),
      status: z.enum(['active', 'completed', 'cancelled', 'incident']).optional(),
      businessKey: z.string().max(200).optional(),
      /** 我发起的: only the instances the caller started (wherever their unit is now). */
      startedBy: z.enum(['me']).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(Instance), total: z.number(), page: z.number(), pageSize: z.number() }),
      'instances',
    ),
  },
});
/** Open incidents only: what the diagram marks red and the page lists; resolved ones stay in the history. */
const OpenIncident = z
  .object({
    id: z.string(),
    elementId: z.string(),
    type: z.string(),
    message: z.string(),
    expression: z.string().optional(),
    createdAt: z.string(),
  })
  .openapi('OpenIncident');
const get = createRoute({
  method: 'get',
  path: '/api/process-instances/{id}',
  tags: ['instances'],
  summary: '流程实例 / one instance, with its open incidents',
  request: { params: IdParam },
  responses: { 200: json(Instance.extend({ incidents: z.array(OpenIncident) }), 'instance') },
});
const history = createRoute({
  method: 'get',
  path: '/api/process-instances/{id}/history',
  tags: ['instances'],
  summary: '办理记录 / the instance history, oldest first',
  request: { params: IdParam },
  responses: { 200: json(z.array(HistoryEvent), 'history') },
});
const cancel = createRoute({
  method: 'post',
  path: '/api/process-instances/{id}/cancel',
  tags: ['instances'],
  summary: '撤销流程 / cancel an instance (authority.admin)',
  request: {
    params: IdParam,
    body: body(z.object({ reason: z.string().min(1).max(1000) })),
  },
  responses: { 200: json(Instance, 'cancelled') },
});

export function instanceRoutes() {
  const router = createRouter();
  router.openapi(start, async (c) => {
    const { processKey, businessKey, variables } = c.req.valid('json');
    const user = c.get('user');
    // The starters the process's diagram declares (zeebe property huiliu:starters); none = administrators only.
    await assertMayStart(c.get('deps').db, user, processKey);
    const runtime = runtimeOf(c);
    // The process's own checks (an unknown entry, a taken code, an open change) run inside startInstance, as hooks
    // the workflows supply (workflows/<key>/checks.ts): this route knows no process.
    const row = await runtime.startInstance({
      processKey,
      businessKey,
      variables,
      user: actorOf(user),
    });
    // The starter's 暂存 of this start form (routes/drafts.ts) became the instance.
    await removeStartDrafts(c.get('deps').db, user.id, processKey);
    return c.json(await runtime.getInstance(row.id), 201);
  });

  router.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const user = c.get('user');
    // Unit users list their unit's instances; instances they only took part in are reached through their tasks.
    const page = await runtimeOf(c).listInstances({
      ...q,
      ...(q.startedBy === 'me'
        ? { startedBy: user.username, unitId: undefined }
        : { startedBy: undefined, unitId: isCountyWide(user) ? undefined : user.unitId }),
    });
    // Each instance's variables as this reader may see them (approvals/reader-fields.ts: the steps' field access).
    const items = [];
    for (const i of page.items) items.push(await instanceSeenBy(actDepsOf(c), actorOf(user), i));
    return c.json({ ...page, items }, 200);
  });

  router.openapi(get, async (c) => {
    const instance = await visibleInstance(c, c.req.valid('param').id);
    const incidents = (await runtimeOf(c).listIncidents(instance.id))
      .filter((i) => i.status === 'open')
      .map((i) => ({
        id: i.id,
        elementId: i.elementId,
        type: i.type,
        message: i.message,
        ...(i.expression ? { expression: i.expression } : {}),
        createdAt: i.createdAt.toISOString(),
      }));
    return c.json({ ...(await instanceSeenBy(actDepsOf(c), actorOf(c.get('user')), instance)), incidents }, 200);
  });

  router.openapi(history, async (c) => {
    const instance = await visibleInstance(c, c.req.valid('param').id);
    const hidden = await hiddenFromReader(actDepsOf(c), actorOf(c.get('user')), instance.id);
    return c.json(historyForReader(await runtimeOf(c).getHistory(instance.id), hidden), 200);
  });

  router.openapi(cancel, async (c) => {
    const user = requireRole(c.get('user'), 'authority.admin');
    const { id } = c.req.valid('param');
    await runtimeOf(c).cancelInstance({
      instanceId: id,
      reason: c.req.valid('json').reason,
      user: actorOf(user),
    });
    // cancelInstance runs its own transaction and takes none from a caller: the row follows the commit.
    await auditAct(c, c.get('deps').db, {
      action: 'instance.cancel',
      target: id,
      details: { reason: c.req.valid('json').reason },
    });
    return c.json(await instanceSeenBy(actDepsOf(c), actorOf(user), await runtimeOf(c).getInstance(id)), 200);
  });
  return router;
}
