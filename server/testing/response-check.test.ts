/** @module The response check itself: a tiny app whose routes answer right, wrong, with extra fields, or an odd error. */
import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import { createRouter } from '../http/env';
import { instanceRoutes } from '../routes/instances';
import { taskRoutes } from '../routes/tasks';
import { checkResponse, checkResponses, declaredRoutes } from './response-check';

const Thing = z.object({ id: z.string(), count: z.number(), note: z.string().nullable() });

function tinyApp(answer: unknown, status = 200) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/things/{id}',
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: { description: 'a thing', content: { 'application/json': { schema: Thing } } },
        404: {
          description: 'none',
          content: { 'application/json': { schema: z.object({ gone: z.boolean() }) } },
        },
      },
    }),
    (c) => c.json(answer as never, status as 200),
  );
  app.get('/api/plain', (c) => c.json({ anything: true }));
  const { mismatches } = checkResponses(app);
  return { app, mismatches };
}

describe('checkResponses', () => {
  it('given a route answering its schema, when called, then the response passes', async () => {
    const { app, mismatches } = tinyApp({ id: 'a', count: 1, note: null });
    expect((await app.request('/api/things/a')).status).toBe(200);
    expect(mismatches).toEqual([]);
  });

  it('given a route answering a wrong type, when called, then the request fails naming the route and field', async () => {
    const { app, mismatches } = tinyApp({ id: 'a', count: '1', note: null });
    await expect(app.request('/api/things/a')).rejects.toThrow(
      /GET \/api\/things\/a → 200 \(GET \/api\/things\/\{id\}\) does not match its response schema: count:/,
    );
    expect(mismatches).toHaveLength(1);
  });

  it('given a route leaving out a required field, when called, then the request fails', async () => {
    const { app } = tinyApp({ id: 'a', count: 1 });
    await expect(app.request('/api/things/a')).rejects.toThrow(/note:/);
  });

  it('given a route sending a field its schema does not name, when called, then the request fails naming it', async () => {
    const { app } = tinyApp({ id: 'a', count: 1, note: 'x', secret: 's' });
    await expect(app.request('/api/things/a')).rejects.toThrow(/does not declare: secret/);
  });

  it('given a declared error status, when the body differs from its schema, then the request fails', async () => {
    const { app } = tinyApp({ gone: 'yes' }, 404);
    await expect(app.request('/api/things/a')).rejects.toThrow(/→ 404 .*gone:/);
  });

  it('given an undeclared error status, when the body is not the error shape, then the request fails', async () => {
    const { app } = tinyApp({ oops: true }, 500);
    await expect(app.request('/api/things/a')).rejects.toThrow(/→ 500 .*error:/);
  });

  it('given an undeclared error status with the error shape, when called, then the response passes', async () => {
    const { app } = tinyApp({ error: { code: 'INTERNAL', message: '服务器内部错误' } }, 500);
    expect((await app.request('/api/things/a')).status).toBe(500);
  });

  it('given a route without a declared schema, when called, then nothing is checked', async () => {
    const { app } = tinyApp({ id: 'a', count: 1, note: null });
    expect((await app.request('/api/plain')).status).toBe(200);
  });
});

describe('checkResponse on the real routes', () => {
  // Routes read their deps per request; declaring them needs none, so no database is opened here.
  const app = createApp(
    { config: { testClock: false, bodyLimitBytes: 1 << 20 } } as AppDeps,
    [taskRoutes, instanceRoutes],
    {
      uiDist: '/nonexistent',
    },
  );
  const routes = declaredRoutes(app);
  const task = {
    id: 't1',
    name: '审核',
    elementId: 'review',
    processInstanceId: 'i1',
    processKey: 'catalog-registration',
    businessKey: null,
    status: 'open',
    candidateGroups: ['authority.reviewer'],
    candidateUsers: [],
    createdAt: '2026-11-02T01:00:00.000Z',
    dueProvisional: false,
    overdue: false,
  };
  const check = (path: string, body: unknown, method = 'GET') =>
    checkResponse(routes, new Request(`http://localhost${path}`, { method }), Response.json(body));

  it('given a task as engine/runtime/dto.ts builds it, when checked against GET /api/tasks/{id}, then it passes', async () => {
    expect(await check('/api/tasks/t1', { ...task, variables: {} })).toBeNull();
  });

  it('given a task with a nullable field sent as null, when checked, then the mismatch names the field', async () => {
    expect(await check('/api/tasks/t1', { ...task, assignee: null, variables: {} })).toMatch(
      /GET \/api\/tasks\/t1 → 200 \(GET \/api\/tasks\/\{id\}\) does not match its response schema: assignee:/,
    );
  });

  it('given a page of tasks with a field the schema lacks, when checked, then the field is named', async () => {
    const page = { items: [{ ...task, provisional: true }], total: 1, page: 1, pageSize: 20 };
    expect(await check('/api/tasks', page)).toMatch(/does not declare: items\[0\]\.provisional/);
  });

  it('given nested paths under a parameter, when matched, then each is checked against its own route', async () => {
    expect(await check('/api/tasks/t1/claim', task, 'POST')).toBeNull();
    expect(
      await check('/api/process-instances/i1/history', [{ at: 'x', type: 'instance.started' }]),
    ).toBeNull();
  });
});
