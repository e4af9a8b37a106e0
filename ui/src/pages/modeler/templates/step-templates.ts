/**
 * @module ui/pages/modeler/templates/step-templates: element templates (Camunda 8 format) for the steps the shipped
 * processes are made of, so a new process gets the same roles, forms and deadlines (workflows/<name>/process.bpmn,
 * docs/processes.md). Applied from the properties panel's template chooser.
 */
import type { Lang } from '../../../i18n';

interface Step {
  id: string;
  name: [zh: string, en: string];
  description: [zh: string, en: string];
  candidateGroups: string;
  formId: string;
  /** FEEL, as the shipped processes write it; empty where the measures set no deadline for the step. */
  dueDate: string;
}

export const STEPS: Step[] = [
  {
    id: 'huiliu.unit-approval',
    name: ['单位审核', 'Unit approval'],
    description: ['本单位负责人审核（unit.leader）', 'the unit leader approves (unit.leader)'],
    candidateGroups: 'unit.leader',
    formId: 'unit-approval',
    dueDate: '',
  },
  {
    id: 'huiliu.authority-review',
    name: ['主管部门审核', 'Authority review'],
    description: [
      '大数据主管部门审核，5 个工作日内（authority.reviewer）',
      'the big-data authority reviews within 5 working days (authority.reviewer)',
    ],
    candidateGroups: 'authority.reviewer',
    formId: 'authority-review',
    dueDate: '=workday(now(), 5)',
  },
  {
    id: 'huiliu.rectify',
    name: ['整改', 'Rectification'],
    description: [
      '数源单位整改责任人整改，5 个工作日内，紧急 1 个工作日（unit.rectifier@数源单位）',
      'the source unit’s rectifier fixes the data within 5 working days, 1 if urgent (unit.rectifier@source unit)',
    ],
    candidateGroups: '="unit.rectifier@" + sourceUnitId',
    formId: 'problem-rectify',
    dueDate: '=workday(now(), if urgent = true then 1 else 5)',
  },
  {
    id: 'huiliu.verify',
    name: ['核验', 'Verification'],
    description: [
      '数据治理人员核验整改结果（authority.governance）',
      'governance officers verify the fix (authority.governance)',
    ],
    candidateGroups: 'authority.governance',
    formId: 'problem-verify',
    dueDate: '',
  },
];

const LABELS = {
  zh: {
    group: '办理设置',
    candidateGroups: '候选组',
    formId: '表单',
    dueDate: '到期时间（FEEL）',
    category: '汇流步骤',
  },
  en: {
    group: 'Step',
    candidateGroups: 'Candidate groups',
    formId: 'Form',
    dueDate: 'Due date (FEEL)',
    category: 'huiliu steps',
  },
};

/** The templates in the UI's language; each turns a task into a zeebe user task with the step's settings. */
export function stepTemplates(lang: Lang): object[] {
  const i = lang === 'en' ? 1 : 0;
  const l = LABELS[lang];
  return STEPS.map((s) => ({
    $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
    id: s.id,
    version: 1,
    name: s.name[i],
    description: s.description[i],
    category: { id: 'huiliu', name: l.category },
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:UserTask' },
    groups: [{ id: 'step', label: l.group }],
    properties: [
      { type: 'Hidden', value: '', binding: { type: 'zeebe:userTask' } },
      {
        label: l.candidateGroups,
        type: 'String',
        group: 'step',
        value: s.candidateGroups,
        feel: 'optional',
        constraints: { notEmpty: true },
        binding: { type: 'zeebe:assignmentDefinition', property: 'candidateGroups' },
      },
      {
        label: l.formId,
        type: 'String',
        group: 'step',
        value: s.formId,
        binding: { type: 'zeebe:formDefinition', property: 'formId' },
      },
      {
        label: l.dueDate,
        type: 'String',
        group: 'step',
        value: s.dueDate,
        feel: 'optional',
        binding: { type: 'zeebe:taskSchedule', property: 'dueDate' },
      },
    ],
  }));
}
