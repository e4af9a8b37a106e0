/** @module Tests of the registry on a real database: versions, no-op saves, reads, invalid definitions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../platform/db/testing';
import { isAppError } from '../../platform/errors';
import { getForm, latestFormVersion, listForms, listFormVersions, saveForm, validateStoredForm } from '.';

const schema = {
  type: 'object',
  required: ['decision'],
  properties: {
    decision: {
      type: 'string',
      title: '结论',
      oneOf: [
        { const: 'approve', title: '同意' },
        { const: 'return', title: '退回' },
      ],
    },
    comment: { type: 'string', title: '意见' },
  },
};

describe.each(testDbKinds())('forms registry on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('saves version 1, then a new version only when the content changes', async () => {
    const { db } = database;
    const v1 = await saveForm(db, {
      key: 'approval',
      title: '审批',
      schema,
      uiSchema: {},
      createdBy: 'admin',
    });
    expect(v1).toEqual({ key: 'approval', version: 1, created: true });

    // given the identical content again (keys in another order: jsonb does not keep order either)
    const reordered = { properties: schema.properties, required: schema.required, type: 'object' };
    expect(await saveForm(db, { key: 'approval', title: '审批', schema: reordered, uiSchema: {} })).toEqual({
      key: 'approval',
      version: 1,
      created: false,
    });

    // a changed title, schema or uiSchema each make the next version
    expect((await saveForm(db, { key: 'approval', title: '审批（新）', schema })).version).toBe(2);
    const v3 = await saveForm(db, {
      key: 'approval',
      title: '审批（新）',
      schema,
      uiSchema: { comment: { 'ui:widget': 'textarea' } },
    });
    expect(v3).toEqual({ key: 'approval', version: 3, created: true });
    expect(await latestFormVersion(db, 'approval')).toBe(3);
  });

  it('reads a given version or the latest, and keeps the author field order as ui:order', async () => {
    const { db } = database;
    const v1 = await getForm(db, 'approval', 1);
    expect(v1).toMatchObject({ key: 'approval', version: 1, title: '审批', schema, createdBy: 'admin' });
    expect(v1?.uiSchema['ui:order']).toEqual(['decision', 'comment']);
    const latest = await getForm(db, 'approval');
    expect(latest?.version).toBe(3);
    expect(latest?.uiSchema.comment).toEqual({ 'ui:widget': 'textarea' });
    expect(latest?.createdAt).toBeInstanceOf(Date);
    expect(await getForm(db, 'approval', 9)).toBeNull();
    expect(await getForm(db, 'nothing')).toBeNull();
    expect(await latestFormVersion(db, 'nothing')).toBeNull();
  });

  it('lists the latest of each key and the versions of one key', async () => {
    const { db } = database;
    await saveForm(db, { key: 'another-form', title: '另一个', schema });
    expect(await listForms(db)).toEqual([
      { key: 'another-form', version: 1, title: '另一个' },
      { key: 'approval', version: 3, title: '审批（新）' },
    ]);
    expect((await listFormVersions(db, 'approval')).map((v) => [v.version, v.title])).toEqual([
      [1, '审批'],
      [2, '审批（新）'],
      [3, '审批（新）'],
    ]);
    expect(await listFormVersions(db, 'nothing')).toEqual([]);
  });

  it('refuses an invalid definition with FORM_INVALID and the issues, saving nothing', async () => {
    const { db } = database;
    const err = await saveForm(db, { key: 'Bad Key', title: '坏', schema: { type: 'string' } }).catch(
      (e) => e,
    );
    expect(isAppError(err) && err.code).toBe('FORM_INVALID');
    expect((err.details as { path: string }[]).map((d) => d.path)).toEqual(['/key', '/schema/type']);
    expect(await latestFormVersion(db, 'Bad Key')).toBeNull();
  });

  it('works inside a transaction (deployments save forms with their processes)', async () => {
    const { db } = database;
    await db
      .transaction(async (tx) => {
        await saveForm(tx, { key: 'in-tx', title: '事务内', schema });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await latestFormVersion(db, 'in-tx')).toBeNull();
  });
});

describe.each(testDbKinds())('validateStoredForm on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('validates against the pinned version, or the latest when none is given', async () => {
    const { db } = database;
    await saveForm(db, { key: 'pinned', title: '固定', schema });
    const stricter = { ...schema, required: ['decision', 'comment'] };
    await saveForm(db, { key: 'pinned', title: '固定', schema: stricter });
    expect(await validateStoredForm(db, 'pinned', 1, { decision: 'approve' })).toEqual({ ok: true });
    const latest = await validateStoredForm(db, 'pinned', null, { decision: 'approve' });
    expect(latest.ok ? [] : latest.details.map((d) => d.message)).toEqual(['「意见」为必填项']);
    const err = await validateStoredForm(db, 'pinned', 7, {}).catch((e) => e);
    expect(isAppError(err) && err.code).toBe('NOT_FOUND');
  });
});
