/** @module Which fields a card may use: nested start-form fields by dotted path, then earlier steps' form fields. */
import { describe, expect, it } from 'vitest';
import { allFields, fieldsFor, formKeysOf } from './fields-for';
import { branchList, emptyModel, insertCard, MAIN, newCard } from './model/edit';
import type { BranchCard, FlowModel, TaskCard } from './model/types';
import { fieldsOf } from './use-flow-data';

const startSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', title: '事项名称' },
    contact: {
      type: 'object',
      title: '联系人',
      properties: {
        name: { type: 'string', title: '姓名' },
        level: {
          type: 'string',
          title: '级别',
          oneOf: [
            { const: 'high', title: '高' },
            { const: 'low', title: '低' },
          ],
        },
      },
    },
    'bad key': { type: 'string', title: '不是变量名' },
  },
};
const reviewSchema = {
  type: 'object',
  properties: {
    decision: { type: 'string', title: '审核结论', enum: ['approve', 'return'] },
    title: { type: 'string', title: '另一个名称' },
  },
};

describe('fields a card may use', () => {
  it('lists a nested object’s fields by dotted path and title, with a select’s options; not keys FEEL cannot name', () => {
    // given a start form with a nested object
    // when its fields are listed
    const fields = fieldsOf(startSchema);
    // then the nested fields come by path, titled 对象 / 字段, the select with its options
    expect(fields.map((f) => [f.key, f.title])).toEqual([
      ['title', '事项名称'],
      ['contact.name', '联系人 / 姓名'],
      ['contact.level', '联系人 / 级别'],
    ]);
    expect(fields[2].options).toEqual([
      { value: 'high', label: '高' },
      { value: 'low', label: '低' },
    ]);
  });

  it('offers the start form’s fields and those of the steps before the card, named by step; the first form wins', () => {
    // given 发起人 (start form) → 审核 (its form) → 条件分支 whose first branch holds 复核 (same form)
    let m: FlowModel = emptyModel('f', '字段');
    m = {
      ...m,
      chain: [{ kind: 'start', id: 'start', name: '发起人', formKey: 'start-form' }, ...m.chain.slice(1)],
    };
    const review = { ...(newCard(m, 'approver') as TaskCard), name: '审核', formKey: 'review-form' };
    m = insertCard(m, { list: MAIN, index: 1 }, review);
    const cond = newCard(m, 'condition') as BranchCard;
    m = insertCard(m, { list: MAIN, index: 2 }, cond);
    const again = { ...(newCard(m, 'approver') as TaskCard), name: '复核', formKey: 'review-form' };
    m = insertCard(m, { list: branchList(cond.id, 0), index: 0 }, again);
    const byForm = new Map([
      ['start-form', fieldsOf(startSchema)],
      ['review-form', fieldsOf(reviewSchema)],
    ]);
    expect(formKeysOf(m)).toEqual(['start-form', 'review-form']);
    // when the condition card and the steps ask for fields
    const atSplit = fieldsFor(m, cond.id, byForm);
    const atReview = fieldsFor(m, review.id, byForm);
    const reviewAccess = fieldsFor(m, review.id, byForm, true);
    // then the split sees the start form and 审核's decision (titled by step); 审核's own title does not shadow
    expect(atSplit.map((f) => [f.key, f.title])).toEqual([
      ['title', '事项名称'],
      ['contact.name', '联系人 / 姓名'],
      ['contact.level', '联系人 / 级别'],
      ['decision', '审核结论（审核）'],
    ]);
    expect(atSplit[3].options?.map((o) => o.value)).toEqual(['approve', 'return']);
    // and 审核 itself sees only the start form, but its field access covers its own form too
    expect(atReview.map((f) => f.key)).toEqual(['title', 'contact.name', 'contact.level']);
    expect(reviewAccess.map((f) => f.key)).toContain('decision');
    // and inside the branch 复核 sees 审核's fields as well
    expect(fieldsFor(m, again.id, byForm).map((f) => f.key)).toContain('decision');
    expect(allFields(m, byForm)).toHaveLength(4);
  });
});
