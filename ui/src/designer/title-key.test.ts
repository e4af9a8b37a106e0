/** @module Tests of field keys from titles: pinyin in lowerCamelCase, identifier-safe, unique among siblings, following the title until typed or published. */
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { patchField, relabelOption } from './edit-fields';
import { type DesignerField, defaultOptions, NAME_PATTERN, nameForTitle, newField } from './model';
import { fromJsonSchema, isUnsupported } from './from-json-schema';
import {
  keyFromTitle,
  MAX_KEY_LENGTH,
  propertyNames,
  publishedValues,
  uniqueKey,
  valueFromLabel,
} from './title-key';
import { toJsonSchema } from './to-json-schema';

const syllables = (han: string) => pinyin(han, { toneType: 'none', type: 'array', v: true });
const key = (title: string) => keyFromTitle(title, syllables);
const text = (name: string, extra: Partial<DesignerField> = {}): DesignerField => ({
  name,
  kind: 'text',
  title: name,
  ...extra,
});

describe('keyFromTitle', () => {
  it('given Chinese titles, when keyed, then each run of characters is its toneless pinyin run together', () => {
    expect(key('联系电话')).toBe('lianxidianhua');
    expect(key('信息资源名称')).toBe('xinxiziyuanmingcheng');
    expect(key('绿色通道')).toBe('lvsetongdao');
  });

  it('given mixed words, when keyed, then they join in lowerCamelCase and punctuation only separates', () => {
    expect(key('联系人 Email')).toBe('lianxirenEmail');
    expect(key('联系人（手机）')).toBe('lianxirenShouji');
    expect(key('ID 号码')).toBe('idHaoma');
    expect(key('2026年产值')).toBe('_2026Nianchanzhi');
  });

  it('given titles with nothing to spell or very long, when keyed, then the key is still a valid identifier', () => {
    for (const title of [
      '',
      '？！',
      '😀',
      'ÉÀ',
      '数据共享与开放的法律依据及其文件名称和文号以及发布机关全称',
    ])
      expect(key(title)).toMatch(NAME_PATTERN);
    expect(key('')).toBe('field');
    expect(key('数据共享与开放的法律依据及其文件名称和文号以及发布机关全称').length).toBe(MAX_KEY_LENGTH);
  });

  it('given a taken key, when made unique, then the first free number is added', () => {
    expect(uniqueKey('lianxidianhua', [text('lianxidianhua'), text('lianxidianhua2')])).toBe(
      'lianxidianhua3',
    );
    expect(nameForTitle('联系电话', [text('lianxidianhua')], syllables)).toBe('lianxidianhua2');
    // and before pinyin has loaded, the plain next free name
    expect(nameForTitle('联系电话', [text('field1')])).toBe('field2');
  });
});

describe('a field key following its title', () => {
  const follow = (title: string, others: DesignerField[]) => nameForTitle(title, others, syllables);

  it('given a new field, when its title is typed, then the key follows and conditions naming it follow too', () => {
    const added = newField('text', [], '单行文本', syllables);
    expect(added).toMatchObject({ name: 'danhangwenben', autoName: true });
    const other = text('note', { visibleWhen: { field: 'danhangwenben', equals: 'x' } });
    const { list, name } = patchField([added, other], added.name, { title: '联系电话' }, follow);
    expect(name).toBe('lianxidianhua');
    expect(list.map((f) => f.name)).toEqual(['lianxidianhua', 'note']);
    expect(list[1].visibleWhen?.field).toBe('lianxidianhua');
    // and the designer-only flag never reaches the JSON
    expect(JSON.stringify(toJsonSchema({ fields: list }))).not.toContain('autoName');
  });

  it('given no follower (typed or published key), when the title changes, then the key stays', () => {
    const { list, name } = patchField([text('phone')], 'phone', { title: '联系电话' });
    expect([name, list[0].title]).toEqual(['phone', '联系电话']);
  });

  it('given a saved schema, when its keys are listed, then nested, table and if/then keys are all published', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'object', properties: { b: {} } },
        rows: { items: { properties: { c: {} } } },
      },
      allOf: [
        {
          if: { properties: { a: {} } },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
          then: { properties: { d: {} } },
        },
      ],
    };
    expect([...propertyNames(schema)].sort()).toEqual(['a', 'b', 'c', 'd', 'rows']);
    // and fields read from a saved form do not follow their titles
    const read = fromJsonSchema(schema, {});
    expect(isUnsupported(read) ? [] : read.fields.filter((f) => f.autoName)).toEqual([]);
  });
});

describe('唯一性 switch', () => {
  it('given a text field switched unique, when compiled and read back, then x-unique: "catalog" round-trips', () => {
    const compiled = toJsonSchema({
      fields: [text('resourceName', { title: '信息资源名称', unique: true })],
    });
    expect(compiled.schema.properties).toEqual({
      resourceName: { title: '信息资源名称', type: 'string', 'x-unique': 'catalog' },
    });
    const read = fromJsonSchema(compiled.schema, compiled.uiSchema);
    expect(isUnsupported(read) ? undefined : read.fields[0]).toMatchObject({ kind: 'text', unique: true });
    // and switched off, the keyword is gone
    const off = toJsonSchema({ fields: [text('resourceName')] });
    expect(JSON.stringify(off.schema)).not.toContain('x-unique');
  });
});

describe('options edited as a list', () => {
  const valueFor = (label: string, others: string[]) => valueFromLabel(label, others, syllables);

  it('given a new select, when a choice is labelled, then its value follows the label and stays unique', () => {
    let options = defaultOptions();
    options = relabelOption(options, 0, '有条件共享', valueFor);
    options = relabelOption(options, 1, '有条件共享', valueFor);
    expect(options.map((o) => [o.label, o.value])).toEqual([
      ['有条件共享', 'youtiaojiangongxiang'],
      ['有条件共享', 'youtiaojiangongxiang2'],
    ]);
    // and a cleared label leaves the value as it was
    expect(relabelOption(options, 0, '', valueFor)[0].value).toBe('youtiaojiangongxiang');
    // and the designer-only flag never reaches the JSON
    const field = { name: 'share', kind: 'select' as const, title: '共享属性', options };
    expect(JSON.stringify(toJsonSchema({ fields: [field] }))).not.toContain('autoValue');
  });

  it('given a typed or published value, when its label changes, then the value stays', () => {
    const typed = [{ value: 'yes', label: '是' }];
    expect(relabelOption(typed, 0, '同意', valueFor)[0].value).toBe('yes');
    const saved = [{ value: 'option1', label: '选项1', autoValue: true }];
    expect(relabelOption(saved, 0, '同意', valueFor, new Set(['option1']))[0].value).toBe('option1');
    expect([...publishedValues({ oneOf: [{ const: 'a' }, { const: 'b' }], enum: ['c', 1] })].sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('given a condition on a choice, when the choice value follows its label, then the condition follows', () => {
    const select: DesignerField = {
      name: 'share',
      kind: 'select',
      title: '共享属性',
      options: defaultOptions(),
    };
    const cond: DesignerField = {
      name: 'why',
      kind: 'text',
      title: '理由',
      requiredWhen: { field: 'share', equals: 'option2' },
      visibleWhen: { field: 'share', equals: ['option1', 'option2'] },
    };
    const options = relabelOption(select.options ?? [], 1, '不予共享', valueFor);
    const { list } = patchField([select, cond], 'share', { options });
    expect(list[1].requiredWhen?.equals).toBe('buyugongxiang');
    expect(list[1].visibleWhen?.equals).toEqual(['option1', 'buyugongxiang']);
  });
});
