/**
 * @module The county's shipped forms (workflows/<process>/*.form.json) against docs/processes.md's contract: each is a
 * valid definition, accepts a good sample and rejects a bad one with the right Chinese messages. Read as files:
 * forms does not import workflows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from './definition';
import type { FieldIssue, FormDefinition } from './types';
import { validateFormData } from './validate';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'workflows');
const FILES: Record<string, string> = {
  'catalog-entry': 'catalog-registration/catalog-entry.form.json',
  'unit-approval': 'catalog-registration/unit-approval.form.json',
  'authority-review': 'catalog-registration/authority-review.form.json',
  'catalog-change-request': 'catalog-change/catalog-change-request.form.json',
  'problem-report': 'data-problem/problem-report.form.json',
  'problem-triage': 'data-problem/problem-triage.form.json',
  'problem-rectify': 'data-problem/problem-rectify.form.json',
  'problem-verify': 'data-problem/problem-verify.form.json',
  'bulletin-review': 'bulletin/bulletin-review.form.json',
};
const load = (key: string) => JSON.parse(readFileSync(path.join(root, FILES[key]), 'utf8')) as FormDefinition;

async function check(key: string, data: unknown, lang: 'zh' | 'en' = 'zh'): Promise<FieldIssue[]> {
  const def = load(key);
  const result = await validateFormData({ ...def, version: 1 }, data, { lang });
  return result.ok ? [] : result.details;
}
const messages = (list: FieldIssue[]) => list.map((i) => `${i.path} ${i.message}`);

const entry = {
  systemName: '人口信息管理系统',
  businessName: '户籍管理',
  resourceName: '常住人口基本信息',
  resourceCode: 'XC-GAJ-0001',
  category: 'basic',
  dataItems: [
    { name: '公民身份号码', type: 'string', length: 18, sensitive: true },
    { name: '出生日期', type: 'date', sensitive: true },
  ],
  storageFormat: 'database',
  shareType: 'unconditional',
  openType: 'forbidden',
  provision: 'api',
  updateCycle: 'daily',
  sharePeriod: 'long-term',
};

describe('shipped forms', () => {
  it.each(Object.keys(FILES))('%s is a valid definition whose key matches its file', (key) => {
    const def = load(key);
    expect(def.key).toBe(key);
    expect(checkFormDefinition(def)).toEqual({ ok: true });
    // every property is placed explicitly (jsonb does not keep key order) and named in English too
    const props = Object.keys(def.schema.properties);
    expect([...(def.uiSchema?.['ui:order'] ?? [])].sort()).toEqual([...props].sort());
    for (const p of props) expect(def.uiSchema?.[p]?.['ui:titleEn'], `${key}.${p}`).toBeTruthy();
  });

  describe('catalog-entry', () => {
    it('accepts a complete entry, with an end date as sharing period too', async () => {
      expect(await check('catalog-entry', entry)).toEqual([]);
      expect(await check('catalog-entry', { ...entry, sharePeriod: '2030-12-31' })).toEqual([]);
    });

    it('requires the condition, legal basis or opening condition the chosen option needs', async () => {
      expect(messages(await check('catalog-entry', { ...entry, shareType: 'conditional' }))).toEqual([
        '/shareCondition 「共享条件」为必填项',
      ]);
      expect(messages(await check('catalog-entry', { ...entry, shareType: 'none' }))).toEqual([
        '/shareLegalBasis 「不予共享的法律依据」为必填项',
      ]);
      expect(messages(await check('catalog-entry', { ...entry, openType: 'restricted' }))).toEqual([
        '/openCondition 「开放条件」为必填项',
      ]);
      expect(messages(await check('catalog-entry', { ...entry, shareType: 'conditional' }, 'en'))).toEqual([
        '/shareCondition Sharing condition is required',
      ]);
    });

    it('rejects a bad code, sharing period, option, empty data items and a bad row', async () => {
      const list = await check('catalog-entry', {
        ...entry,
        resourceCode: 'xc gaj',
        sharePeriod: '明年',
        category: '基础',
        dataItems: [{ name: '', type: 'text', length: 0 }],
      });
      expect(messages(list)).toEqual([
        '/resourceCode 「信息资源代码」格式不正确：只能包含大写字母、数字和连字符，如 XC-GAJ-0001',
        '/category 「分类」应为以下之一：基础、主题、部门',
        '/dataItems/0/sensitive 「数据项 第1行 是否敏感」为必填项',
        '/dataItems/0/name 「数据项 第1行 名称」不能为空',
        '/dataItems/0/type 「数据项 第1行 类型」应为以下之一：字符、数值、日期、日期时间、布尔、二进制',
        '/dataItems/0/length 「数据项 第1行 长度」不能小于 1',
        '/sharePeriod 「共享期限」应为“长期”或截止日期（YYYY-MM-DD）',
      ]);
      expect(messages(await check('catalog-entry', { ...entry, dataItems: [] }))).toEqual([
        '/dataItems 「数据项」至少需要填写 1 行',
      ]);
    });

    it('names every missing field of an empty submission, and refuses unknown fields', async () => {
      const list = await check('catalog-entry', { initiator: 'x' });
      expect(list.map((i) => i.path).sort()).toEqual(
        [
          '/businessName',
          '/category',
          '/dataItems',
          '/initiator',
          '/openType',
          '/provision',
          '/resourceCode',
          '/resourceName',
          '/sharePeriod',
          '/shareType',
          '/storageFormat',
          '/systemName',
          '/updateCycle',
        ].sort(),
      );
      expect(list.find((i) => i.path === '/systemName')?.message).toBe('「信息系统名称」为必填项');
    });
  });

  it.each([
    ['unit-approval', 'return', '审核意见'],
    ['authority-review', 'return', '审核意见'],
    ['authority-review', 'reject', '审核意见'],
    ['problem-triage', 'dismiss', '受理意见'],
    ['problem-verify', 'fail', '核验意见'],
  ])('%s: decision %s needs a comment (「%s」)', async (key, decision, title) => {
    expect(messages(await check(key, { decision }))).toEqual([`/comment 「${title}」为必填项`]);
    expect(messages(await check(key, { decision, comment: '' }))).toEqual([`/comment 「${title}」不能为空`]);
    expect(await check(key, { decision, comment: '缺少共享条件' })).toEqual([]);
  });

  it.each([
    ['unit-approval', 'approve', '同意报送、退回'],
    ['authority-review', 'approve', '通过、退回修改、不予通过'],
    ['problem-triage', 'accept', '受理并转数源单位整改、不予受理'],
    ['problem-verify', 'pass', '核验通过、核验不通过'],
    ['bulletin-review', 'publish', '发布、暂缓发布'],
  ])('%s: %s needs no comment; an unknown decision lists the options', async (key, decision, options) => {
    expect(await check(key, { decision })).toEqual([]);
    expect(messages(await check(key, { decision: 'maybe' }))).toEqual([
      expect.stringContaining(`应为以下之一：${options}`),
    ]);
    expect(messages(await check(key, {}))[0]).toMatch(/^\/decision 「.+结论」为必填项$/);
  });

  it('catalog-change-request: modify needs changes, retire does not, the reason always', async () => {
    const base = { entryId: 'e-1', changeType: 'modify', reason: '更新周期调整' };
    expect(await check('catalog-change-request', { ...base, changes: { updateCycle: 'realtime' } })).toEqual(
      [],
    );
    expect(await check('catalog-change-request', { ...base, changes: entry })).toEqual([]);
    expect(await check('catalog-change-request', { ...base, changeType: 'retire' })).toEqual([]);
    expect(messages(await check('catalog-change-request', base))).toEqual([
      '/changes 「变更后的内容」为必填项',
    ]);
    expect(messages(await check('catalog-change-request', { entryId: 'e-1', changeType: 'retire' }))).toEqual(
      ['/reason 「变更理由」为必填项'],
    );
    expect(
      messages(
        await check('catalog-change-request', { ...base, changes: { shareType: 'conditional', foo: 1 } }),
      ),
    ).toEqual([
      '/changes/shareCondition 「变更后的内容 共享条件」为必填项',
      '/changes/foo 「变更后的内容 foo」不是此表单的字段，不能提交',
    ]);
  });

  it('catalog-change-request: its changes accept exactly the catalog-entry fields', () => {
    const change = load('catalog-change-request');
    expect(Object.keys(change.schema.properties.changes.properties).sort()).toEqual(
      Object.keys(load('catalog-entry').schema.properties).sort(),
    );
  });

  it('problem-report: entry, type, description and urgency; examples and attachments optional', async () => {
    const good = { entryId: 'e-1', problemType: 'error', description: '身份证号位数不对', urgent: false };
    expect(await check('problem-report', good)).toEqual([]);
    expect(
      await check('problem-report', {
        ...good,
        examples: '第 3 行',
        attachments: ['a-1', 'a-2'],
        urgent: true,
      }),
    ).toEqual([]);
    expect(
      messages(
        await check('problem-report', { entryId: 'e-1', problemType: 'wrong', attachments: ['a', 'a'] }),
      ),
    ).toEqual([
      '/description 「问题描述」为必填项',
      '/urgent 「紧急」为必填项',
      '/problemType 「问题类型」应为以下之一：数据错误、数据遗漏、侵犯第三方合法权益、其他',
      '/attachments 「附件」有重复：第 2 项与第 1 项相同',
    ]);
  });

  it('problem-report checks the entry and attachments through the injected references', async () => {
    const def = load('problem-report');
    const refs = {
      catalogEntryVisible: async (id: string) => id === 'e-1',
      attachmentOwned: async (id: string) => id === 'mine',
    };
    const data = {
      entryId: 'e-2',
      problemType: 'other',
      description: '说明',
      urgent: true,
      attachments: ['mine', 'theirs'],
    };
    const result = await validateFormData({ ...def, version: 1 }, data, { refs });
    expect(result.ok ? [] : messages(result.details)).toEqual([
      '/entryId 「问题所在目录条目」所选目录条目不存在或您无权查看',
      '/attachments/1 「附件 第2项」附件不存在或不是您上传的',
    ]);
  });

  it('problem-rectify: an explanation and a whole, non-negative count of fixed records', async () => {
    expect(await check('problem-rectify', { explanation: '已更正', fixedCount: 0 })).toEqual([]);
    expect(messages(await check('problem-rectify', { explanation: '已更正', fixedCount: -1 }))).toEqual([
      '/fixedCount 「整改记录数」不能小于 0',
    ]);
    expect(messages(await check('problem-rectify', { explanation: '已更正', fixedCount: 1.5 }))).toEqual([
      '/fixedCount 「整改记录数」应为整数',
    ]);
    expect(messages(await check('problem-rectify', {}))).toEqual([
      '/explanation 「整改说明」为必填项',
      '/fixedCount 「整改记录数」为必填项',
    ]);
  });
});
