/** @module The attachments API: upload with type/size checks, download with visibility, the access hook. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testDbKinds } from '../../platform/db/testing';
import type { App } from '../http/env';
import { checkResponses } from '../testing/response-check';
import { createTestServer, type TestServer } from '../testing/test-server';
import { type AttachmentAccess, attachmentRoutes } from './attachments';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 200, 255]), Buffer.from('\n%%EOF')]);

describe.each(testDbKinds())('attachments API on %s', (kind) => {
  let server: TestServer;
  let app: App;
  const granted = new Set<string>();
  const as = async (username: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${await server.login(username)}`,
    ...extra,
  });
  const uploadAs = async (username: string, name: string, content: Uint8Array) => {
    const form = new FormData();
    form.append('file', new File([content as Uint8Array<ArrayBuffer>], name));
    const res = await app.request('/api/attachments', {
      method: 'POST',
      headers: await as(username),
      body: form,
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    server = await createTestServer(kind);
    // The lead mounts attachmentRoutes and registers the access rule; here a set stands in for "sees the task".
    const access: AttachmentAccess = async (user, a) => granted.has(`${user.username}:${a.id}`);
    server.deps.services.attachmentAccess = access;
    app = createApp(server.deps, [attachmentRoutes]);
    // An app of its own, so the test server's response check is added here too.
    checkResponses(app);
  });
  afterAll(() => server?.close());

  it('stores an upload and serves it to the uploader, the same unit and county-wide roles', async () => {
    const up = await uploadAs('rsj.feedback', '问题说明.pdf', pdf);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      name: '问题说明.pdf',
      size: pdf.length,
      contentType: 'application/pdf',
      url: `/api/attachments/${up.body.id}`,
    });
    for (const user of ['rsj.feedback', 'rsj.cataloguer', 'governance', 'supervisor']) {
      const res = await app.request(`/api/attachments/${up.body.id}`, { headers: await as(user) });
      expect(res.status, user).toBe(200);
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), pdf)).toBe(0);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(
        `inline; filename*=UTF-8''${encodeURIComponent('问题说明.pdf')}`,
      );
    }
    const meta = await app.request(`/api/attachments/${up.body.id}/meta`, {
      headers: await as('rsj.leader'),
    });
    expect(((await meta.json()) as any).name).toBe('问题说明.pdf');
  });

  it('hides it from other units unless the access rule admits them', async () => {
    const up = await uploadAs('rsj.feedback', 'rows.csv', Buffer.from('身份证号,问题\n1,位数不对\n'));
    const url = `/api/attachments/${up.body.id}`;
    const before = await app.request(url, { headers: await as('gaj.rectifier') });
    expect([before.status, ((await before.json()) as any).error.message]).toEqual([404, '附件不存在']);
    granted.add(`gaj.rectifier:${up.body.id}`);
    const after = await app.request(url, { headers: await as('gaj.rectifier') });
    expect(after.status).toBe(200);
    expect(after.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(
      (await app.request('/api/attachments/not-an-id', { headers: await as('rsj.feedback') })).status,
    ).toBe(404);
  });

  it('refuses disguised, unknown, oversized and missing files, in Chinese or English', async () => {
    const html = await uploadAs('rsj.feedback', 'report.pdf', Buffer.from('<html><script>alert(1)</script>'));
    expect([html.status, html.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    expect(html.body.error.message).toMatch(/^不支持的文件类型或文件内容与扩展名不符/);
    expect((await uploadAs('rsj.feedback', 'tool.exe', Buffer.from('MZ'))).status).toBe(400);
    const big = Buffer.alloc(6 * 1024 * 1024, 0x20);
    pdf.copy(big);
    expect((await uploadAs('rsj.feedback', 'big.pdf', big)).status).toBe(413);
    const none = await app.request('/api/attachments', {
      method: 'POST',
      headers: await as('rsj.feedback', { 'content-type': 'application/json', 'accept-language': 'en' }),
      body: '{}',
    });
    expect([none.status, ((await none.json()) as any).error.message]).toEqual([
      400,
      'Upload the file as multipart/form-data (field "file")',
    ]);
  });
});
