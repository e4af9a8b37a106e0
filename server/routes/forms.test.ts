/** @module The forms API: list, read by version, save as admin (201/200), refusals in Chinese and English. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testDbKinds } from '../db/testing';
import type { App } from '../http/env';
import { createTestServer, type TestServer } from '../testing/test-server';
import { formRoutes } from './forms';

const definition = {
  key: 'leave-request',
  title: '请假申请',
  schema: { type: 'object', required: ['days'], properties: { days: { type: 'integer', title: '天数', minimum: 1 } } },
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
    const res = await app.request(path, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    server = await createTestServer(kind);
    app = createApp(server.deps, [formRoutes]);
  });
  afterAll(() => server?.close());

  it('lets the administrator save versions: 201 for new content, 200 for identical content', async () => {
    const first = await call('/api/forms', { as: 'admin', method: 'POST', json: definition });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ key: 'leave-request', version: 1, title: '请假申请', schema: definition.schema });
    expect((await call('/api/forms', { as: 'admin', method: 'POST', json: definition })).status).toBe(200);
    const second = await call('/api/forms', { as: 'admin', method: 'POST', json: { ...definition, title: '请假申请（新）' } });
    expect([second.status, second.body.version]).toEqual([201, 2]);
  });

  it('serves the list, a version, the latest and the history to any user', async () => {
    // (the server deploys the shipped processes and their forms at start: the list holds those too)
    const listed = (await call('/api/forms', { as: 'gaj.cataloguer' })).body as { key: string }[];
    expect(listed.filter((f) => f.key === 'leave-request')).toEqual([{ key: 'leave-request', version: 2, title: '请假申请（新）' }]);
    expect(listed.map((f) => f.key)).toEqual([...listed.map((f) => f.key)].sort());
    expect((await call('/api/forms/leave-request?version=1', { as: 'gaj.cataloguer' })).body.title).toBe('请假申请');
    expect((await call('/api/forms/leave-request', { as: 'gaj.cataloguer' })).body.version).toBe(2);
    const history = await call('/api/forms/leave-request/versions', { as: 'gaj.cataloguer' });
    expect(history.body.map((v: any) => [v.version, v.createdBy])).toEqual([
      [1, 'admin'],
      [2, 'admin'],
    ]);
    const missing = await call('/api/forms/leave-request?version=9', { as: 'gaj.cataloguer' });
    expect([missing.status, missing.body.error.code, missing.body.error.message]).toEqual([404, 'NOT_FOUND', '表单 leave-request 第 9 版 不存在']);
  });

  it('refuses non-administrators and invalid definitions, with issues in the caller language', async () => {
    expect((await call('/api/forms', { as: 'gaj.cataloguer', method: 'POST', json: definition })).status).toBe(403);
    const bad = { ...definition, key: 'Leave', schema: { type: 'array' } };
    const zh = await call('/api/forms', { as: 'admin', method: 'POST', json: bad });
    expect([zh.status, zh.body.error.code]).toEqual([400, 'FORM_INVALID']);
    expect(zh.body.error.details.map((d: any) => d.path)).toEqual(['/key', '/schema/type']);
    expect(zh.body.error.details[1].message).toBe('表单最外层必须是对象（"type": "object"）');
    const en = await call('/api/forms', { as: 'admin', method: 'POST', json: bad, lang: 'en' });
    expect(en.body.error.details[1].message).toBe('The top level of a form schema must be "type": "object"');
  });

  it('checks a definition for the designer without saving it', async () => {
    const res = await call('/api/forms/check', { as: 'admin', method: 'POST', json: { ...definition, key: 'draft-form', schema: { type: 'object', requried: [] } } });
    expect(res.body).toEqual({
      ok: false,
      issues: [{ path: '/schema/requried', message: '未知的关键字“requried”（拼写错误？）', messageEn: 'Unknown keyword "requried" (a typo?)' }],
    });
    expect((await call('/api/forms/draft-form', { as: 'admin' })).status).toBe(404);
  });
});
