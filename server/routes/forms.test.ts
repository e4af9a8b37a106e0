/** @module The forms API: list, read by version, save as admin (201/200), refusals in Chinese and English. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testDbKinds } from '../../platform/db/testing';
import type { App } from '../http/env';
import { checkResponses } from '../testing/response-check';
import { createTestServer, type TestServer } from '../testing/test-server';
import { formRoutes } from './forms';

const definition = {
  key: 'leave-request',
  title: '请假申请',
  schema: {
    type: 'object',
    required: ['days'],
    properties: { days: { type: 'integer', title: '天数', minimum: 1 } },
  },
  uiSchema: { days: { 'ui:widget': 'updown' } },
};

describe.each(testDbKinds())('forms API on %s', (kind) => {
  let server: TestServer;
  let app: App;
  // The lead mounts formRoutes in compose.ts; until then this app adds it to the same deps.
  const call = async (path: string, init: { as: string; method?: string; json?: unknown; lang?: string }) => {
    const headers = new Headers({ authorization: `Bearer ${await server.login(init.as)}` });
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.lang) headers.set('accept-language', init.lang);
    const res = await app.request(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    server = await createTestServer(kind);
    app = createApp(server.deps, [formRoutes]);
    // An app of its own, so the test server's response check is added here too.
    checkResponses(app);
  });
  afterAll(() => server?.close());

  it('lets the administrator save versions: 201 for new content, 200 for identical content', async () => {
    const first = await call('/api/forms', { as: 'admin', method: 'POST', json: definition });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      key: 'leave-request',
      version: 1,
      title: '请假申请',
      schema: definition.schema,
    });
    expect((await call('/api/forms', { as: 'admin', method: 'POST', json: definition })).status).toBe(200);
    const second = await call('/api/forms', {
      as: 'admin',
      method: 'POST',
      json: { ...definition, title: '请假申请（新）' },
    });
    expect([second.status, second.body.version]).toEqual([201, 2]);
  });

  it('serves the list, a version, the latest and the history to any user', async () => {
    // (the server deploys the shipped processes and their forms at start: the list holds those too)
    const listed = (await call('/api/forms', { as: 'gaj.cataloguer' })).body as { key: string }[];
    expect(listed.filter((f) => f.key === 'leave-request')).toEqual([
      { key: 'leave-request', version: 2, title: '请假申请（新）' },
    ]);
    expect(listed.map((f) => f.key)).toEqual([...listed.map((f) => f.key)].sort());
    expect((await call('/api/forms/leave-request?version=1', { as: 'gaj.cataloguer' })).body.title).toBe(
      '请假申请',
    );
    expect((await call('/api/forms/leave-request', { as: 'gaj.cataloguer' })).body.version).toBe(2);
    const history = await call('/api/forms/leave-request/versions', { as: 'gaj.cataloguer' });
    expect(history.body.map((v: any) => [v.version, v.createdBy])).toEqual([
      [1, 'admin'],
      [2, 'admin'],
    ]);
    const missing = await call('/api/forms/leave-request?version=9', { as: 'gaj.cataloguer' });
    expect([missing.status, missing.body.error.code, missing.body.error.message]).toEqual([
      404,
      'NOT_FOUND',
      '表单 leave-request 第 9 版 不存在',
    ]);
  });

  it('refuses non-administrators and invalid definitions, with issues in the caller language', async () => {
    expect(
      (await call('/api/forms', { as: 'gaj.cataloguer', method: 'POST', json: definition })).status,
    ).toBe(403);
    const bad = { ...definition, key: 'Leave', schema: { type: 'array' } };
    const zh = await call('/api/forms', { as: 'admin', method: 'POST', json: bad });
    expect([zh.status, zh.body.error.code]).toEqual([400, 'FORM_INVALID']);
    expect(zh.body.error.details.map((d: any) => d.path)).toEqual(['/key', '/schema/type']);
    expect(zh.body.error.details[1].message).toBe('表单最外层必须是对象（"type": "object"）');
    const en = await call('/api/forms', { as: 'admin', method: 'POST', json: bad, lang: 'en' });
    expect(en.body.error.details[1].message).toBe('The top level of a form schema must be "type": "object"');
  });

  it('checks a definition for the designer without saving it', async () => {
    const res = await call('/api/forms/check', {
      as: 'admin',
      method: 'POST',
      json: { ...definition, key: 'draft-form', schema: { type: 'object', requried: [] } },
    });
    expect(res.body).toEqual({
      ok: false,
      issues: [
        {
          path: '/schema/requried',
          message: '未知的关键字“requried”（拼写错误？）',
          messageEn: 'Unknown keyword "requried" (a typo?)',
        },
      ],
    });
    expect((await call('/api/forms/draft-form', { as: 'admin' })).status).toBe(404);
  });
});

describe.each(testDbKinds())('shipped forms guarding the shipped processes on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server?.close());
  const post = async (path: string, as: string, json: unknown, lang?: string) => {
    const res = await server.request(path, {
      method: 'POST',
      as,
      json,
      headers: lang ? { 'accept-language': lang } : {},
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const entry = {
    systemName: '人口信息管理系统',
    businessName: '户籍管理',
    resourceName: '流动人口信息',
    resourceCode: 'XC-GAJ-9101',
    category: 'basic',
    dataItems: [{ name: '公民身份号码', type: 'string', length: 18, sensitive: true }],
    storageFormat: 'database',
    shareType: 'conditional',
    openType: 'forbidden',
    provision: 'api',
    updateCycle: 'daily',
    sharePeriod: 'long-term',
  };

  it('refuses a registration without 共享条件 with a 422 naming it, then accepts the complete one', async () => {
    // The system must be in the unit's census first (#11: publishing never adds it silently).
    const census = await post('/api/catalog/systems', 'gaj.cataloguer', { name: entry.systemName });
    expect(census.status).toBe(201);
    const bad = await post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: entry,
    });
    expect([bad.status, bad.body.error.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(bad.body.error.details).toEqual([
      { path: '/shareCondition', field: '共享条件', message: '「共享条件」为必填项' },
    ]);
    const en = await post(
      '/api/process-instances',
      'gaj.cataloguer',
      { processKey: 'catalog-registration', variables: entry },
      'en',
    );
    expect(en.body.error.details[0].message).toBe('Sharing condition is required');
    const good = await post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: { ...entry, shareCondition: '用于政务服务身份核验' },
    });
    expect(good.status).toBe(201);

    // and the leader's 退回 without a reason is refused on the comment field
    const tasks = (await (
      await server.request(`/api/tasks?scope=group&processInstanceId=${good.body.id}`, { as: 'gaj.leader' })
    ).json()) as any;
    const task = (tasks.items ?? tasks)[0];
    expect(task.elementId).toBe('unit-approval');
    const back = await post(`/api/tasks/${task.id}/complete`, 'gaj.leader', {
      variables: { decision: 'return' },
    });
    expect([back.status, back.body.error.details]).toEqual([
      422,
      [{ path: '/comment', field: '审核意见', message: '「审核意见」为必填项' }],
    ]);
  });
});
