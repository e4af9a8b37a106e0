/** @module ui/pages/modeler/panels/words: the words of the huiliu groups of the properties panel, Chinese first. */
import type { Lang } from '../../../i18n';

const zh = {
  countersignGroup: '审批方式',
  mode: '多人审批方式',
  single: '单人审批（不会签）',
  custom: '自定义多实例（高级，保留原设置）',
  approvers: '审批人',
  approversHint: '用户名列表，如 ["li.si", "wang.wu"]；或填写流程变量名（如表单中选择的审批人列表）。',
  approversEmpty: '请填写审批人',
  percent: '通过比例（%）',
  outcomeHint: '审批结果：后续网关用条件',
  rolesGroup: '办理角色',
  rolesHint: '勾选可以办理此步骤的角色（候选组）。',
  rolesExpression: '候选组由表达式决定，请在“分配”中修改：',
  rolesLoading: '正在读取角色…',
  fieldsGroup: '字段权限',
  noForm: '此步骤未绑定表单，请先在“表单”中选择表单。',
  formLoading: '正在读取表单…',
  formMissing: '找不到表单',
  field: '字段',
  edit: '可编辑',
  read: '只读',
  hidden: '隐藏',
  inherited: '（随上级）',
  invalidHeader: '现有 fieldAccess 设置不是有效的 JSON，修改任一字段将覆盖它。',
};
const en: typeof zh = {
  countersignGroup: 'Approval mode',
  mode: 'Several approvers',
  single: 'One approver (no countersign)',
  custom: 'Custom multi-instance (advanced, kept as is)',
  approvers: 'Approvers',
  approversHint:
    'A list of usernames, e.g. ["li.si", "wang.wu"], or a process variable holding one (e.g. chosen in a form).',
  approversEmpty: 'Enter the approvers',
  percent: 'Share that passes (%)',
  outcomeHint: 'Outcome: the gateway after this step uses',
  rolesGroup: 'Roles',
  rolesHint: 'Tick the roles that may do this step (candidate groups).',
  rolesExpression: 'The candidate groups come from an expression; change it under Assignment:',
  rolesLoading: 'Loading roles…',
  fieldsGroup: 'Field access',
  noForm: 'This step has no form; choose one under Form first.',
  formLoading: 'Loading the form…',
  formMissing: 'Form not found',
  field: 'Field',
  edit: 'Editable',
  read: 'Read-only',
  hidden: 'Hidden',
  inherited: ' (from its group)',
  invalidHeader: 'The present fieldAccess is not valid JSON; changing any field replaces it.',
};

export type PanelWords = typeof zh;
export const panelWords = (lang: Lang): PanelWords => (lang === 'en' ? en : zh);
