/** @module The calendar API: package years, loading a year as admin, refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

describe.each(testDbKinds())('calendar API on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server?.close());

  it('serves 2026 from the package and knows nothing of 2027 yet', async () => {
    const y2026 = (await (await server.request('/api/calendar/2026', { as: 'gaj.cataloguer' })).json()) as any;
    expect(y2026.source).toBe('package');
    expect(y2026.holidays).toContain('2026-10-01');
    const y2027 = (await (await server.request('/api/calendar/2027', { as: 'gaj.cataloguer' })).json()) as any;
    expect(y2027).toEqual({ year: 2027, source: 'none', holidays: [], makeupWorkdays: [] });
  });

  it('lets authority.admin load 2027, after which it is the admin schedule', async () => {
    // given a (made-up for the test) 2027 New Year holiday
    const body = { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeupWorkdays: [] };
    // when a cataloguer tries, then it is forbidden
    expect((await server.request('/api/calendar/2027', { method: 'PUT', as: 'gaj.cataloguer', json: body })).status).toBe(403);
    // when the admin loads it
    const res = await server.request('/api/calendar/2027', { method: 'PUT', as: 'admin', json: body });
    expect(res.status).toBe(200);
    // then the year is known, from the admin
    const y2027 = (await (await server.request('/api/calendar/2027', { as: 'supervisor' })).json()) as any;
    expect(y2027).toMatchObject({ source: 'admin', holidays: body.holidays });
  });

  it('refuses a schedule whose dates conflict or lie in another year, in Chinese, and stores nothing', async () => {
    const res = await server.request('/api/calendar/2028', {
      method: 'PUT',
      as: 'admin',
      json: { holidays: ['2028-10-01', '2030-01-01'], makeupWorkdays: ['2028-10-01'] },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.message).toMatch(/放假安排有误/);
    expect(((await (await server.request('/api/calendar/2028', { as: 'admin' })).json()) as any).source).toBe('none');
  });
});
