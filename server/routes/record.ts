/**
 * @module The approval record and people's names (docs/api.md "Process instances", in place: extensions; issue #17):
 * `GET /api/process-instances/{id}/record`, `GET /api/tasks/{id}/record` (the same record, with the steps before
 * the task) and `GET /api/people` (display names with units). The wording rule is workflows/record's.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { peopleLabels, readInstanceRecord, type RecordLine } from '../../workflows/record';
import { actDepsOf } from '../approvals/act-deps';
import { namesVisibleTo } from '../approvals/people-scope';
import { hiddenFromReader, recordForReader } from '../approvals/reader-fields';
import { createRouter } from '../http/env';
import { visibleInstance } from '../http/instance-access';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { IdParam, json } from './openapi';


const RecordField = z
  .object({
    key: z.string(),
    label: z.string(),
    labelEn: z.string().optional(),
    text: z.string(),
    attachments: z.array(z.string()).optional(),
  })
  .openapi('RecordField');
/** workflows/record/record-lines.ts's RecordLine, field for field. */
const RecordLineSchema = z
  .object({
    at: z.string(),
    kind: z.string(),
    action: z.string(),
    actionEn: z.string(),
    tone: z.enum(['submit', 'approve', 'return', 'reject', 'neutral']),
    actor: z.string().optional(),
    actorLabel: z.string().optional(),
    step: z.string().optional(),
    elementId: z.string().optional(),
    taskId: z.string().optional(),
    round: z.number().int().optional(),
    opinion: z.string().optional(),
    targets: z.array(z.string()).optional(),
    fields: z.array(RecordField),
  })
  .openapi('RecordLine');
const Person = z
  .object({
    username: z.string(),
    name: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    label: z.string(),
  })
  .openapi('Person');

const instanceRecord = createRoute({
  method: 'get',
  path: '/api/process-instances/{id}/record',
  tags: ['instances'],
  summary: '审批记录 / the approval record: one line per human act, oldest first',
  request: { params: IdParam },
  responses: {
    200: json(z.object({ lines: z.array(RecordLineSchema) }).openapi('ApprovalRecord'), 'record'),
  },
});
const taskRecord = createRoute({
  method: 'get',
  path: '/api/tasks/{id}/record',
  tags: ['tasks'],
  summary: '审批记录与前序环节 / the record of the task’s instance and the steps completed before it',
  request: { params: IdParam },
  responses: {
    200: json(
      z
        .object({
          lines: z.array(RecordLineSchema),
          previous: z.array(RecordLineSchema),
          /** Which activation of its step the task is (2 = the second round of 整改反馈). */
          round: z.number().int(),
        })
        .openapi('TaskRecord'),
      'record',
    ),
  },
});
const people = createRoute({
  method: 'get',
  path: '/api/people',
  tags: ['identity'],
  summary: '人员显示名 / display names with units for usernames (comma separated, at most 100)',
  request: { query: z.object({ usernames: z.string().max(5000) }) },
  responses: { 200: json(z.object({ items: z.array(Person) }), 'people') },
});

/** What the person on a task needs from before it: each earlier completion (its opinion and fields) and each return. */
const PREVIOUS_KINDS = new Set(['submit', 'decision', 'return', 'withdraw', 'resolve']);
function previousSteps(lines: RecordLine[], taskId: string, before: string): RecordLine[] {
  return lines.filter((l) => PREVIOUS_KINDS.has(l.kind) && l.taskId !== taskId && l.at <= before);
}

export function recordRoutes() {
  const router = createRouter();
  router.openapi(instanceRecord, async (c) => {
    const instance = await visibleInstance(c, c.req.valid('param').id);
    const { lines } = await readInstanceRecord(c.get('deps').db, instance.id);
    const hidden = await hiddenFromReader(actDepsOf(c), actorOf(c.get('user')), instance.id);
    return c.json({ lines: recordForReader(lines, hidden) }, 200);
  });

  router.openapi(taskRecord, async (c) => {
    // getTask answers 404 to whoever may not see the task: the record follows the task's visibility.
    const task = await runtimeOf(c).getTask(c.req.valid('param').id, actorOf(c.get('user')));
    const { lines: all, rounds } = await readInstanceRecord(c.get('deps').db, task.processInstanceId);
    const hidden = await hiddenFromReader(actDepsOf(c), actorOf(c.get('user')), task.processInstanceId);
    const lines = recordForReader(all, hidden);
    const before = task.completedAt ?? c.get('deps').clock.now().toISOString();
    return c.json(
      { lines, previous: previousSteps(lines, task.id, before), round: rounds.get(task.id) ?? 1 },
      200,
    );
  });

  router.openapi(people, async (c) => {
    const names = c.req
      .valid('query')
      .usernames.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 100);
    // Only the people the caller's screens can show them (approvals/people-scope.ts); others read as unknown.
    const shown = await namesVisibleTo(c.get('deps').db, c.get('user'), names, runtimeOf(c).context.roles);
    const found = await peopleLabels(c.get('deps').db, [...shown]);
    return c.json({ items: [...found.values()] }, 200);
  });
  return router;
}
