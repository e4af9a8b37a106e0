/**
 * @module Security (issue #15, ReDoS): an administrator cannot save a form whose pattern can backtrack without end;
 * the server's own matching is RE2 (forms/validate/linear-regexp.test.ts measures 50 KB inputs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const form = (pattern: string) => ({
  key: 'sec-pattern',
  title: '代码登记',
  schema: { type: 'object', properties: { code: { type: 'string', title: '资源代码', pattern } } },
  uiSchema: {},
});

describe.each(testDbKinds())('form patterns, over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  }, 60_000);
  afterAll(() => server?.close());

  it('given ^(a+)+$, when the administrator saves or checks the form, then it is refused in Chinese naming the field and nothing is saved', async () => {
    const saved = await server.request('/api/forms', { method: 'POST', as: 'admin', json: form('^(a+)+$') });
    const body = (await saved.json()) as any;
    expect(saved.status).toBe(400);
    expect(body.error.code).toBe('FORM_INVALID');
    expect(JSON.stringify(body.error.details)).toContain('「资源代码」的正则表达式 ^(a+)+$ 含有嵌套量词');
    expect((await server.request('/api/forms/sec-pattern', { as: 'admin' })).status).toBe(404);
    const checked = await server.request('/api/forms/check', {
      method: 'POST',
      as: 'admin',
      json: form('(?<=x)y'),
    });
    expect(JSON.stringify(await checked.json())).toContain('前瞻或后顾断言');
  });

  it('given an unambiguous pattern such as the shipped resource code, when saved, then it is a new form version', async () => {
    expect(
      (
        await server.request('/api/forms', {
          method: 'POST',
          as: 'admin',
          json: form('^[A-Z0-9]+(-[A-Z0-9]+)*$'),
        })
      ).status,
    ).toBe(201);
  });
});
