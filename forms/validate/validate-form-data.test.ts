/** @module Tests of validateFormData: Chinese and English messages named by title paths, if/then, choices, refs. */
import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../types';
import { validateFormData } from './validate-form-data';

const schema = {
  type: 'object',
  title: '测试表单',
  required: ['shareType', 'dataItems', 'contact'],
  properties: {
    shareType: {
      type: 'string',
      title: '共享属性',
      oneOf: [
        { const: 'unconditional', title: '无条件共享' },
        { const: 'conditional', title: '有条件共享' },
        { const: 'none', title: '不予共享' },
      ],
    },
    shareCondition: { type: 'string', title: '共享条件', minLength: 1 },
    shareLegalBasis: { type: 'string', title: '法律依据' },
    contact: {
      type: 'object',
      title: '联系人',
      required: ['email'],
      properties: {
        email: { type: 'string', title: '电子邮箱', format: 'email' },
        site: { type: 'string', title: '网址', format: 'uri' },
      },
    },
    dataItems: {
      type: 'array',
      title: '数据项',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', title: '名称', maxLength: 5 },
          length: { type: 'integer', title: '长度', minimum: 1, maximum: 100 },
        },
      },
    },
    endDate: { type: 'string', title: '截止日期', format: 'date' },
    code: { type: 'string', title: '代码', pattern: '^[A-Z]+$' },
    level: { type: 'string', title: '级别', enum: ['a', 'b'] },
  },
  allOf: [
    {
      if: { properties: { shareType: { const: 'conditional' } }, required: ['shareType'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
      then: { required: ['shareCondition'] },
    },
    {
      if: { properties: { shareType: { const: 'none' } }, required: ['shareType'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
      then: { required: ['shareLegalBasis'] },
    },
  ],
  additionalProperties: false,
};
const uiSchema = {
  shareCondition: { 'ui:titleEn': 'Sharing condition' },
  dataItems: { 'ui:titleEn': 'Data items', items: { name: { 'ui:titleEn': 'Name' } } },
  level: { 'ui:enumNames': ['一级', '二级'] },
};
const form = { key: 'test-form', version: 1, schema, uiSchema };
const good = {
  shareType: 'unconditional',
  dataItems: [{ name: '姓名', length: 10 }],
  contact: { email: 'a@b.cn' },
};

async function issues(data: unknown, lang: 'zh' | 'en' = 'zh'): Promise<FieldIssue[]> {
  const result = await validateFormData(form, data, { lang });
  return result.ok ? [] : result.details;
}
const at = (list: FieldIssue[], path: string) => list.filter((i) => i.path === path).map((i) => i.message);

describe('validateFormData', () => {
  it('accepts data that satisfies the schema', async () => {
    expect(await validateFormData(form, good, {})).toEqual({ ok: true });
  });

  it('names a conditionally required field (if/then) by its title, on its own path', async () => {
    // given shareType conditional without a condition; when validated; then the message names 共享条件
    const list = await issues({ ...good, shareType: 'conditional' });
    expect(list).toEqual([
      {
        path: '/shareCondition',
        field: '共享条件',
        message: '「共享条件」为必填项',
        messageEn: 'Sharing condition is required',
      },
    ]);
  });

  it('applies every if/then of an allOf', async () => {
    const list = await issues({ ...good, shareType: 'none' });
    expect(at(list, '/shareLegalBasis')).toEqual(['「法律依据」为必填项']);
    expect(at(list, '/shareCondition')).toEqual([]);
  });

  it('points required errors at the missing nested field with a readable title path', async () => {
    const list = await issues({ ...good, dataItems: [{ name: 'ok' }, { length: 3 }], contact: {} });
    expect(list).toContainEqual({
      path: '/dataItems/1/name',
      field: '数据项 第2行 名称',
      message: '「数据项 第2行 名称」为必填项',
      messageEn: 'Data items › row 2 › Name is required',
    });
    expect(at(list, '/contact/email')).toEqual(['「联系人 电子邮箱」为必填项']);
  });

  it('words the common keywords in Chinese', async () => {
    const list = await issues({
      shareType: 'sometimes',
      dataItems: [{ name: '太长的名称啊', length: 0 }],
      contact: { email: 'not-mail', site: 'no url' },
      endDate: '2026-02-30',
      code: 'abc',
      level: 'c',
      extra: 1,
    });
    expect(at(list, '/shareType')).toEqual(['「共享属性」应为以下之一：无条件共享、有条件共享、不予共享']);
    expect(at(list, '/dataItems/0/name')).toEqual(['「数据项 第1行 名称」不能超过 5 个字符']);
    expect(at(list, '/dataItems/0/length')).toEqual(['「数据项 第1行 长度」不能小于 1']);
    expect(at(list, '/contact/email')).toEqual(['「联系人 电子邮箱」应为有效的电子邮箱地址']);
    expect(at(list, '/contact/site')[0]).toContain('网址');
    expect(at(list, '/endDate')).toEqual(['「截止日期」应为有效的日期（格式 YYYY-MM-DD）']);
    expect(at(list, '/code')).toEqual(['「代码」格式不正确']);
    expect(at(list, '/level')).toEqual(['「级别」应为以下之一：一级、二级']);
    expect(at(list, '/extra')).toEqual(['「extra」不是此表单的字段，不能提交']);
    // the oneOf's per-branch "must be equal to constant" errors are folded into the one message above
    expect(list.filter((i) => i.path === '/shareType')).toHaveLength(1);
  });

  it('reports minItems, type and a non-object payload', async () => {
    const list = await issues({ ...good, dataItems: [], contact: { email: 5 } });
    expect(at(list, '/dataItems')).toEqual(['「数据项」至少需要填写 1 行']);
    expect(at(list, '/contact/email')).toEqual(['「联系人 电子邮箱」应为文本']);
    expect(await issues('text')).toEqual([
      { path: '', field: '表单', message: '「表单」应为对象', messageEn: 'The form must be of type object' },
    ]);
  });

  it('speaks English with ui:titleEn where given and stored codes as options', async () => {
    const list = await issues({ ...good, shareType: 'conditional', dataItems: [{}] }, 'en');
    expect(at(list, '/shareCondition')).toEqual(['Sharing condition is required']);
    expect(at(list, '/dataItems/0/name')).toEqual(['Data items › row 1 › Name is required']);
    const bad = await issues({ ...good, shareType: 'x' }, 'en');
    expect(at(bad, '/shareType')).toEqual([
      '共享属性 must be one of: "unconditional", "conditional", "none"',
    ]);
  });

  it('recompiles when the same key and version arrive with other content (drafts)', async () => {
    const loose = { key: 'test-form', version: 1, schema: { type: 'object', properties: {} } };
    expect(await validateFormData(loose, { anything: 1 })).toEqual({ ok: true });
    expect((await validateFormData(form, { anything: 1 })).ok).toBe(false);
  });
});

describe('reference checks', () => {
  const refForm = {
    key: 'ref-form',
    version: 1,
    schema: {
      type: 'object',
      properties: {
        unitId: { type: 'string', title: '单位', 'x-unit': true },
        entryId: { type: 'string', title: '目录条目', 'x-catalog-entry': true },
        files: { type: 'array', title: '附件', items: { type: 'string', 'x-attachment': true } },
        nested: {
          type: 'object',
          title: '补充',
          properties: {
            more: { type: 'array', title: '更多附件', 'x-attachment': true, items: { type: 'object' } },
          },
        },
      },
    },
  };
  const calls: string[] = [];
  const recorded = (kind: string, answer: (id: string) => boolean) => async (id: string) => {
    calls.push(`${kind}:${id}`);
    return answer(id);
  };
  const refs = {
    unitExists: recorded('unit', (id) => id === 'gaj'),
    catalogEntryVisible: recorded('entry', (id) => id === 'e1'),
    attachmentOwned: recorded('file', (id) => id.startsWith('mine')),
  };

  it('passes when every reference resolves', async () => {
    const data = { unitId: 'gaj', entryId: 'e1', files: ['mine-1', 'mine-2'] };
    expect(await validateFormData(refForm, data, { refs })).toEqual({ ok: true });
  });

  it('reports each failing reference on its path, asking each id once', async () => {
    calls.length = 0;
    const data = {
      unitId: 'nope',
      entryId: 'e2',
      files: ['mine-1', 'theirs', 'theirs'],
      nested: { more: [{ id: 'x9', name: 'a.pdf' }] },
    };
    const result = await validateFormData(refForm, data, { refs });
    expect(result.ok).toBe(false);
    const details = result.ok ? [] : result.details;
    expect(details[0].messageEn).toBe('单位 refers to a unit that does not exist');
    expect(details.map(({ messageEn: _en, ...zh }) => zh)).toEqual([
      { path: '/unitId', field: '单位', message: '「单位」所选单位不存在' },
      { path: '/entryId', field: '目录条目', message: '「目录条目」所选目录条目不存在或您无权查看' },
      { path: '/files/1', field: '附件 第2项', message: '「附件 第2项」附件不存在或不是您上传的' },
      { path: '/files/2', field: '附件 第3项', message: '「附件 第3项」附件不存在或不是您上传的' },
      {
        path: '/nested/more/0',
        field: '补充 更多附件 第1行',
        message: '「补充 更多附件 第1行」附件不存在或不是您上传的',
      },
    ]);
    expect(calls.filter((c) => c === 'file:theirs')).toHaveLength(1);
  });

  it('reports schema errors and reference errors together', async () => {
    const result = await validateFormData(refForm, { unitId: 7, entryId: 'e2' }, { refs, lang: 'en' });
    const messages = result.ok ? [] : result.details.map((d) => d.message);
    expect(messages).toEqual([
      '单位 must be of type string',
      '目录条目 refers to a catalog entry that does not exist or that you may not see',
    ]);
  });

  it('skips the checks it was not given', async () => {
    expect(
      await validateFormData(
        refForm,
        { unitId: 'nope' },
        { refs: { catalogEntryVisible: refs.catalogEntryVisible } },
      ),
    ).toEqual({ ok: true });
  });
});

describe('conditional rules in other shapes', () => {
  const rowRule = {
    if: { properties: { type: { const: 'string' } }, required: ['type'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
    then: { required: ['length'] },
  };
  const shaped = {
    key: 'shapes',
    version: 1,
    schema: {
      type: 'object',
      properties: {
        kind: { type: 'string', title: '类型', enum: ['person', 'org'] },
        idNumber: { type: 'string', title: '身份证号' },
        creditCode: { type: 'string', title: '统一社会信用代码' },
        rows: {
          type: 'array',
          title: '字段',
          items: {
            type: 'object',
            properties: {
              type: { type: 'string', title: '类型' },
              length: { type: 'integer', title: '长度' },
            },
            ...rowRule,
          },
        },
      },
      if: { properties: { kind: { const: 'person' } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
      then: { required: ['idNumber'] },
      else: { required: ['creditCode'] },
    },
  };

  it('names the field an else branch requires, and one required inside an array row', async () => {
    const result = await validateFormData(shaped, {
      kind: 'org',
      rows: [{ type: 'number' }, { type: 'string' }],
    });
    expect(result.ok ? [] : result.details.map((d) => `${d.path} ${d.message}`)).toEqual([
      '/creditCode 「统一社会信用代码」为必填项',
      '/rows/1/length 「字段 第2行 长度」为必填项',
    ]);
  });

  it('caps the number of reported fields', async () => {
    const rows = Array.from({ length: 500 }, () => ({ type: 'string' }));
    const result = await validateFormData(shaped, { kind: 'person', idNumber: 'x', rows });
    expect(result.ok ? 0 : result.details.length).toBe(100);
  });
});

describe('keywords without our own wording', () => {
  it('falls back to ajv-i18n Chinese, still prefixed by the field title', async () => {
    const form = {
      key: 'fallback',
      version: 1,
      schema: {
        type: 'object',
        properties: {
          nickname: { type: 'string', title: '昵称', not: { const: 'admin' } },
          tags: { type: 'array', title: '标签', contains: { const: '必选' } },
        },
      },
    };
    const result = await validateFormData(form, { nickname: 'admin', tags: ['可选'] });
    const list = result.ok ? [] : result.details;
    expect(list.map((d) => d.path)).toEqual(['/nickname', '/tags']);
    expect(list[0].message).toMatch(/^「昵称」.*[\u4e00-\u9fff]/);
    expect(list[0].message).not.toMatch(/must/);
    expect(list[1].message).toMatch(/^「标签」.*[\u4e00-\u9fff]/);
    expect(list[1].messageEn).toMatch(/^标签 must contain/);
  });
});
