/** @module ui/pages/modeler/translations-zh-extras: Chinese for the element templates group and chooser and the lint overlays. */
export const zhExtras: Record<string, string> = {
  // element templates (properties panel group and header)
  Template: '模板',
  Select: '选择',
  Change: '更换',
  Unlink: '取消关联',
  Remove: '移除',
  Upgrade: '升级',
  Applied: '已应用',
  Deprecated: '已弃用',
  'More actions': '更多操作',
  'Update available': '有新版本',
  'This template is deprecated.': '此模板已弃用。',
  'Custom properties': '自定义属性',
  'Choose element template': '选择元素模板',
  'Must not be empty.': '不能为空。',
  '{label} must not be empty.': '{label}不能为空。',
  'Must match pattern {pattern}.': '必须匹配格式 {pattern}。',
  '{label} must match pattern {pattern}.': '{label}必须匹配格式 {pattern}。',
  'The template applied was not found. Therefore, its properties cannot be shown. Unlink to access the data.':
    '找不到所应用的模板，无法显示其属性。取消关联后可编辑数据。',
  // bpmn-js-bpmnlint
  'Toggle linting overlays': '显示/隐藏检查标记',
  'Issues for child elements': '子元素的问题',
  '{errors} Errors, {warnings} Warnings': '{errors} 个错误，{warnings} 个警告',
  'No Issues': '未发现问题',
};
