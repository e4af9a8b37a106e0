/**
 * @module Security (issue #15, caps): page and pageSize bounded on every paged list, a daily upload quota per
 * user, and the test clock for authority.admin only and only when HUILIU_TEST_CLOCK=1 mounted it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { MAX_PAGE } from '../routes/schemas';
import { createTestServer, type TestServer } from '../testing/test-server';
import { auditorOf, pdfBytes, upload } from './audit-fixtures';

/** Every GET the API describes with `page`/`pageSize` query parameters: a list added tomorrow is covered too. */
async function pagedLists(server: TestServer): Promise<string[]> {
  const doc = (await (await server.request('/api/openapi.json')).json()) as {
    paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
  };
  return Object.entries(doc.paths)
    .filter(([, ops]) => {
      const names = (ops.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      return names.includes('page') && names.includes('pageSize');
    })
    .map(([path]) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'));
}

const messageOf = async (res: Response) =>
  ((await res.json()) as { error: { message: string } }).error.message;

describe.each(testDbKinds())('caps, over HTTP on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    // 12 KB a day: two 8 KB files do not fit.
    server = await createTestServer(kind, { config: { uploadQuotaMb: 12 / 1024 } });
    await auditorOf(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('given any paged list, when pageSize is over 100 or page past the bound, then 400 with a Chinese message', async () => {
    const lists = await pagedLists(server);
    for (const known of [
      '/api/tasks',
      '/api/process-instances',
      '/api/catalog/entries',
      '/api/admin/users',
      '/api/audit',
    ]) {
      expect(lists).toContain(known);
    }
    // Query validation answers before any role check, so one user serves for every list.
    const as = 'admin';
    for (const path of lists) {
      const big = await server.request(`${path}?pageSize=101`, { as });
      expect(big.status, path).toBe(400);
      expect(await messageOf(big), path).toMatch(/pageSize.*数值过大/);
      const deep = await server.request(`${path}?page=${MAX_PAGE + 1}`, { as });
      expect(deep.status, path).toBe(400);
      expect(await messageOf(deep), path).toMatch(/page.*数值过大.*10000/);
      expect((await server.request(`${path}?page=0`, { as })).status, path).toBe(400);
      expect((await server.request(`${path}?page=abc`, { as })).status, path).toBe(400);
    }
  });

  it('given the deepest allowed page, when asked, then an ordinary (empty) answer', async () => {
    const res = await server.request(`/api/catalog/entries?page=${MAX_PAGE}&pageSize=100`, {
      as: 'gaj.cataloguer',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [], page: MAX_PAGE, pageSize: 100 });
  });

  it('given a user near the daily upload quota, when one more file would pass it, then 429 in Chinese; others still upload', async () => {
    expect((await upload(server, 'rsj.feedback', 'a.pdf', pdfBytes(8 * 1024))).status).toBe(201);
    const over = await upload(server, 'rsj.feedback', 'b.pdf', pdfBytes(8 * 1024));
    expect(over.status).toBe(429);
    expect(await messageOf(over)).toContain('今日上传已达上限');
    expect((await upload(server, 'rsj.feedback', 'tiny.pdf', pdfBytes(100))).status).toBe(201);
    expect((await upload(server, 'wjj.feedback', 'c.pdf', pdfBytes(8 * 1024))).status).toBe(201);
  });

  it('given the test clock, when a user other than authority.admin sets it, then 403 and the clock did not move', async () => {
    const before = (
      (await (await server.request('/api/test/clock', { as: 'gaj.leader' })).json()) as { now: string }
    ).now;
    for (const who of ['gaj.leader', 'supervisor', 'rsj.feedback']) {
      const res = await server.request('/api/test/clock', {
        method: 'PUT',
        as: who,
        json: { now: '2040-01-01T00:00:00+08:00' },
      });
      expect(res.status, who).toBe(403);
    }
    const after = (
      (await (await server.request('/api/test/clock', { as: 'admin' })).json()) as { now: string }
    ).now;
    expect(new Date(after).getFullYear()).toBe(new Date(before).getFullYear());
    const moved = await server.request('/api/test/clock', {
      method: 'PUT',
      as: 'admin',
      json: { now: '2040-01-01T00:00:00+08:00' },
    });
    expect(moved.status).toBe(200);
  });
});

describe('the test clock without HUILIU_TEST_CLOCK=1', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer('pglite', { config: { testClock: false } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('given a production start, when even authority.admin sets the clock, then there is no such route (404)', async () => {
    const res = await server.request('/api/test/clock', {
      method: 'PUT',
      as: 'admin',
      json: { now: '2040-01-01T00:00:00+08:00' },
    });
    expect(res.status).toBe(404);
    expect((await server.request('/api/test/clock', { as: 'admin' })).status).toBe(404);
  });
});
