/** @module GET /api/roles over HTTP: the role catalog for every signed-in user, nothing without a session. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_KEYS } from '../../identity/roles';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

describe.each(testDbKinds())('role catalog API on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server?.close());

  it('given a unit user, when the roles are read, then every role comes with names, county-wide flag and unit kinds', async () => {
    const res = await server.request('/api/roles', { as: 'gaj.rectifier' });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { key: string; countyWide: boolean }[] };
    expect(items.map((r) => r.key)).toEqual(ROLE_KEYS);
    expect(items.find((r) => r.key === 'authority.reviewer')).toEqual({
      key: 'authority.reviewer',
      name: '目录审核员',
      nameEn: 'Catalog reviewer',
      countyWide: true,
      unitKinds: ['authority'],
    });
    expect(items.find((r) => r.key === 'unit.rectifier')).toMatchObject({
      name: '整改责任人',
      countyWide: false,
    });
  });

  it('given no session, when the roles are read, then 401 and no catalog', async () => {
    const res = await server.request('/api/roles');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { items?: unknown }).items).toBeUndefined();
  });
});
