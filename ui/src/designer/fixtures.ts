/** @module ui/designer/fixtures: a catalog-registration-like model used by the designer's tests (and handy in the preview). */
import type { DesignerModel } from './model';

export const SHARING_OPTIONS = [
  { value: '无条件共享', label: '无条件共享' },
  { value: '有条件共享', label: '有条件共享' },
  { value: '不予共享', label: '不予共享' },
];

export function catalogLikeModel(): DesignerModel {
  return {
    title: '目录编制',
    fields: [
      { name: 'resourceName', kind: 'text', title: '资源名称', required: true, maxLength: 100 },
      { name: 'unitId', kind: 'unit', title: '提供单位', required: true },
      { name: 'summary', kind: 'textarea', title: '摘要', minLength: 10 },
      { name: 'sharing', kind: 'select', title: '共享属性', required: true, options: SHARING_OPTIONS },
      {
        name: 'sharingCondition',
        kind: 'text',
        title: '共享条件',
        requiredWhen: { field: 'sharing', equals: '有条件共享' },
      },
      {
        name: 'legalBasis',
        kind: 'textarea',
        title: '法律依据',
        required: true,
        visibleWhen: { field: 'sharing', equals: '不予共享' },
      },
      { name: 'records', kind: 'integer', title: '记录数', min: 0, max: 1000000 },
      { name: 'publishedOn', kind: 'date', title: '发布日期' },
      { name: 'sensitive', kind: 'checkbox', title: '含敏感数据' },
      { name: 'related', kind: 'catalogEntry', title: '关联目录' },
      { name: 'files', kind: 'attachments', title: '附件' },
      {
        name: 'items',
        kind: 'table',
        title: '数据项',
        columns: [
          { name: 'name', kind: 'text', title: '名称', required: true },
          {
            name: 'type',
            kind: 'select',
            title: '类型',
            options: [
              { value: '字符', label: '字符' },
              { value: '数值', label: '数值' },
            ],
          },
          { name: 'length', kind: 'integer', title: '长度', min: 1 },
        ],
      },
      {
        name: 'contact',
        kind: 'section',
        title: '联系人',
        fields: [
          { name: 'person', kind: 'text', title: '姓名', required: true },
          { name: 'phone', kind: 'text', title: '电话', pattern: '^[0-9-]+$' },
        ],
      },
    ],
  };
}
