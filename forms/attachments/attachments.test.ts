/** @module Tests of attachments on a real database: type and size checks, bytes round trip, ownership. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors';
import type { Database } from '../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../platform/db/testing';
import { attachmentOwnedBy, getAttachmentMeta, readAttachment, storeAttachment } from '.';

const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from([0, 1, 2, 255, 254]),
  Buffer.from('\n%%EOF'),
]);
const owner = { username: 'rsj.feedback', unitId: 'rsj' };
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'stored',
    (e) => (isAppError(e) ? e.code : String(e)),
  );

describe.each(testDbKinds())('attachments on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('stores a file with its checked type and gives the exact bytes back', async () => {
    const { db } = database;
    const meta = await storeAttachment(db, { name: 'C:\\报告\\问题截图说明.pdf', content: pdf, owner });
    expect(meta).toMatchObject({
      name: '问题截图说明.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      ownerUsername: 'rsj.feedback',
    });
    expect(meta).not.toHaveProperty('content');
    const row = await readAttachment(db, meta.id);
    expect(Buffer.compare(row!.content, pdf)).toBe(0);
    expect((await getAttachmentMeta(db, meta.id))?.sha256).toBe(meta.sha256);
  });

  it('answers the ownership check for the uploader only', async () => {
    const { db } = database;
    const meta = await storeAttachment(db, {
      name: 'a.txt',
      content: Buffer.from('第 3 行身份证号错误'),
      owner,
    });
    expect(await attachmentOwnedBy(db, meta.id, 'rsj.feedback')).toBe(true);
    expect(await attachmentOwnedBy(db, meta.id, 'wjj.feedback')).toBe(false);
    expect(await attachmentOwnedBy(db, '00000000-0000-0000-0000-000000000000', 'rsj.feedback')).toBe(false);
    expect(await attachmentOwnedBy(db, 'not-a-uuid', 'rsj.feedback')).toBe(false);
    expect(await readAttachment(db, 'not-a-uuid')).toBeNull();
  });

  it('refuses empty, oversized, unknown and disguised files', async () => {
    const { db } = database;
    expect(await codeOf(storeAttachment(db, { name: 'a.pdf', content: new Uint8Array(0), owner }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(storeAttachment(db, { name: 'a.pdf', content: pdf, owner }, 10))).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(await codeOf(storeAttachment(db, { name: 'run.exe', content: Buffer.from('MZ..'), owner }))).toBe(
      'BAD_REQUEST',
    );
    expect(
      await codeOf(storeAttachment(db, { name: 'page.pdf', content: Buffer.from('<html><script>'), owner })),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        storeAttachment(db, { name: 'data.csv', content: Buffer.from([0x4d, 0x5a, 0, 0]), owner }),
      ),
    ).toBe('BAD_REQUEST');
    const err = await storeAttachment(db, { name: 'x.svg', content: Buffer.from('<svg/>'), owner }).catch(
      (e) => e,
    );
    expect(err.message).toMatch(/^不支持的文件类型/);
  });
});
