/** @module ui/designer/messages: the designer's own zh/en strings (Chinese first), kept here so the app dictionary stays untouched. */
import type { FieldKind } from './model';

export type DesignerLang = 'zh' | 'en';

const zh = {
  'tab.design': '设计',
  'tab.json': 'JSON',
  'tab.preview': '预览',
  palette: '控件',
  'palette.hint': '点击或拖入中间添加',
  fields: '字段',
  'fields.empty': '从左侧点击或拖入控件',
  'fields.dropHere': '拖到此处添加',
  props: '属性',
  'props.form': '表单属性',
  'prop.title': '标题',
  'prop.name': '字段标识',
  'prop.description': '说明',
  'prop.required': '必填',
  'prop.options': '选项',
  'prop.optionValue': '值',
  'prop.optionLabel': '显示文字',
  'prop.addOption': '添加选项',
  'prop.min': '最小值',
  'prop.max': '最大值',
  'prop.minLength': '最少字符',
  'prop.maxLength': '最多字符',
  'prop.pattern': '格式（正则表达式）',
  'prop.visibleWhen': '显示条件',
  'prop.requiredWhen': '必填条件',
  'prop.whenField': '当字段',
  'prop.equals': '等于',
  'prop.none': '（无）',
  'prop.kind': '类型',
  'err.name.empty': '请填写字段标识',
  'err.name.pattern': '字段标识须以字母或下划线开头，只含字母、数字、下划线',
  'err.name.duplicate': '同一层级已有此字段标识',
  'err.pattern': '正则表达式无效',
  'err.optionDuplicate': '选项值重复',
  moveUp: '上移',
  moveDown: '下移',
  remove: '删除',
  required: '必填',
  conditional: '条件',
  unsupported: '此表单使用了设计器无法表示的写法，为避免丢失，请在 JSON 页签中编辑：',
  openJson: '在 JSON 中编辑',
  jsonSchema: 'JSON Schema',
  jsonUi: 'UI Schema',
  jsonError: 'JSON 格式错误',
  jsonNotObject: '须为 JSON 对象',
  previewValid: '校验通过',
  previewSubmit: '校验',
  previewBroken: '预览无法显示',
  'custom.note':
    '此字段使用了设计器无法编辑的写法，已原样保留；标题、标识、必填和条件可在此修改，其余请在 JSON 页签中编辑：',
  serverIssues: '保存前检查发现以下问题：',
  fieldIssue: '有误',
  yes: '是',
  no: '否',
} as const;

export type DesignerKey = keyof typeof zh;

const en: Record<DesignerKey, string> = {
  'tab.design': 'Design',
  'tab.json': 'JSON',
  'tab.preview': 'Preview',
  palette: 'Controls',
  'palette.hint': 'Click, or drag into the middle',
  fields: 'Fields',
  'fields.empty': 'Click or drag a control from the left',
  'fields.dropHere': 'Drop here to add',
  props: 'Properties',
  'props.form': 'Form properties',
  'prop.title': 'Title',
  'prop.name': 'Field key',
  'prop.description': 'Description',
  'prop.required': 'Required',
  'prop.options': 'Options',
  'prop.optionValue': 'Value',
  'prop.optionLabel': 'Label',
  'prop.addOption': 'Add option',
  'prop.min': 'Minimum',
  'prop.max': 'Maximum',
  'prop.minLength': 'Min length',
  'prop.maxLength': 'Max length',
  'prop.pattern': 'Pattern (regular expression)',
  'prop.visibleWhen': 'Show when',
  'prop.requiredWhen': 'Required when',
  'prop.whenField': 'Field',
  'prop.equals': 'equals',
  'prop.none': '(none)',
  'prop.kind': 'Kind',
  'err.name.empty': 'Enter a field key',
  'err.name.pattern':
    'A field key starts with a letter or underscore and has only letters, digits, underscores',
  'err.name.duplicate': 'Another field at this level has this key',
  'err.pattern': 'Invalid regular expression',
  'err.optionDuplicate': 'Duplicate option value',
  moveUp: 'Move up',
  moveDown: 'Move down',
  remove: 'Delete',
  required: 'Required',
  conditional: 'Conditional',
  unsupported:
    'This form uses constructs the designer cannot express; to keep them, edit it in the JSON tab:',
  openJson: 'Edit as JSON',
  jsonSchema: 'JSON Schema',
  jsonUi: 'UI Schema',
  jsonError: 'Invalid JSON',
  jsonNotObject: 'Must be a JSON object',
  previewValid: 'Valid',
  previewSubmit: 'Validate',
  previewBroken: 'The preview cannot be shown',
  'custom.note':
    'This field uses constructs the designer cannot edit and is kept as is; title, key, required and conditions can be changed here, the rest in the JSON tab:',
  serverIssues: 'The pre-save check found these problems:',
  fieldIssue: 'Problem',
  yes: 'Yes',
  no: 'No',
};

const KIND_LABELS: Record<FieldKind, [string, string]> = {
  text: ['单行文本', 'Text'],
  textarea: ['多行文本', 'Paragraph'],
  number: ['数字', 'Number'],
  integer: ['整数', 'Integer'],
  date: ['日期', 'Date'],
  select: ['下拉选择', 'Select'],
  checkbox: ['复选框', 'Checkbox'],
  unit: ['单位', 'Unit'],
  catalogEntry: ['目录条目', 'Catalog entry'],
  attachments: ['附件', 'Attachments'],
  table: ['表格', 'Table'],
  section: ['分组', 'Section'],
  custom: ['自定义（JSON）', 'Custom (JSON)'],
};

export type DesignerT = (key: DesignerKey) => string;

export function designerT(lang: DesignerLang): DesignerT {
  return (key) => (lang === 'en' ? en[key] : zh[key]);
}

export function kindLabel(kind: FieldKind, lang: DesignerLang): string {
  return KIND_LABELS[kind][lang === 'en' ? 1 : 0];
}
