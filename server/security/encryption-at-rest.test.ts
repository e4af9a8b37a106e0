/**
 * @module Security (issue #15 item 8, data at rest): with HUILIU_DATA_KEY set, attachment contents and 是否敏感
 * catalog data items reach the database sealed (AES-256-GCM) and come back as entered; a rotation keeps them
 * readable; without their key they are a clear error, never garbage.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataKeysFrom, installDataKeys } from '../../platform/crypto/data-keys';
import { rawQuery } from '../../platform/db/raw';
import { testDbKinds } from '../../platform/db/testing';
import { entryFields, type HttpScenario, openHttpScenario } from '../testing/scenario-http';

const KEY = randomBytes(32).toString('base64');
const NEXT_KEY = randomBytes(32).toString('hex');
const SECRET_TEXT = '内部名单：张三 110101199001011234';

describe.each(testDbKinds())('encryption at rest, over HTTP on %s', (kind) => {
  let s: HttpScenario;
  let attachmentId: string;
  let entryId: string;
  beforeAll(async () => {
    // given a server started with HUILIU_DATA_KEY
    process.env.HUILIU_DATA_KEY = KEY;
    try {
      s = await openHttpScenario(kind);
    } finally {
      delete process.env.HUILIU_DATA_KEY;
    }
    const body = new FormData();
    body.set('file', new File([SECRET_TEXT], '名单.txt', { type: 'text/plain' }));
    const res = await s.server.request('/api/attachments', { method: 'POST', as: 'gaj.cataloguer', body });
    expect(res.status, await res.clone().text()).toBe(201);
    attachmentId = ((await res.json()) as { id: string }).id;
    // the entry's information system is in the unit's census first (信息系统普查)
    const system = await s.post('/api/catalog/systems', 'gaj.cataloguer', { name: '人口信息管理系统' });
    expect([201, 409], JSON.stringify(system.body)).toContain(system.status);
    entryId = await s.publishEntry(
      'gaj',
      entryFields('XC-GAJ-9901', {
        dataItems: [
          { name: '公民身份号码', type: 'string', length: 18, sensitive: true },
          { name: '户籍地址', type: 'string', sensitive: false },
        ],
      }),
    );
  }, 120_000);
  afterAll(async () => {
    installDataKeys(dataKeysFrom());
    await s?.close();
  });

  const download = async () => {
    const res = await s.server.request(`/api/attachments/${attachmentId}`, { as: 'gaj.cataloguer' });
    return { status: res.status, text: Buffer.from(await res.arrayBuffer()).toString() };
  };
  const storedAttachment = async () =>
    (
      await rawQuery<{ content: Uint8Array; key_id: string | null }>(
        s.server.deps.db,
        'select content, key_id from attachments where id = $1',
        [attachmentId],
      )
    )[0];
  const storedFields = async () =>
    (
      await rawQuery<{ fields: unknown }>(
        s.server.deps.db,
        'select fields from catalog_entry_versions where entry_id = $1 and version = 1',
        [entryId],
      )
    )[0].fields;

  it('given an uploaded file, when its row is read from the database, then the bytes are not the plaintext; the download is', async () => {
    const row = await storedAttachment();
    expect(row.key_id).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(row.content).toString()).not.toContain('110101199001011234');
    expect(Buffer.from(row.content).length).toBe(Buffer.byteLength(SECRET_TEXT) + 28);
    expect(await download()).toEqual({ status: 200, text: SECRET_TEXT });
  });

  it('given an entry with a sensitive data item, when its stored version is read, then only that item is sealed; the API shows it as entered', async () => {
    const stored = JSON.stringify(await storedFields());
    expect(stored).not.toContain('公民身份号码');
    expect(stored).toContain('户籍地址');
    const entry = (await s.get(`/api/catalog/entries/${entryId}`, 'gaj.cataloguer')).body;
    expect(entry.fields.dataItems).toEqual([
      { name: '公民身份号码', type: 'string', length: 18, sensitive: true },
      { name: '户籍地址', type: 'string', sensitive: false },
    ]);
  });

  it('given a rotation (new key, the previous one as HUILIU_DATA_KEY_OLD), when read, then everything still opens', async () => {
    installDataKeys(dataKeysFrom(NEXT_KEY, KEY));
    expect(await download()).toEqual({ status: 200, text: SECRET_TEXT });
    const entry = (await s.get(`/api/catalog/entries/${entryId}`, 'gaj.cataloguer')).body;
    expect(entry.fields.dataItems[0].name).toBe('公民身份号码');
  });

  it('given a server without the key that sealed the data, when read, then an error answer, never the ciphertext', async () => {
    installDataKeys(dataKeysFrom(NEXT_KEY));
    const res = await download();
    expect(res.status).toBe(500);
    expect(JSON.parse(res.text).error.code).toBe('INTERNAL');
    const entry = await s.get(`/api/catalog/entries/${entryId}`, 'gaj.cataloguer');
    expect(entry.status).toBe(500);
    installDataKeys(dataKeysFrom(KEY));
    expect((await download()).status).toBe(200);
  });
});
