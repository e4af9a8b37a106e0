/**
 * @module ui/pages/modeler/panels/countersign-group: the 审批方式 group on a user task. The administrator picks 会签,
 * 或签, 一票否决, 按比例通过 or 依次审批 and the approvers; the task's multi-instance loop and assignee are written by
 * templates/countersign.ts. A loop that is not one of these rules is shown as custom and never rewritten unasked.
 */
import { NumberFieldEntry, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { Lang } from '../../../i18n';
import {
  APPROVER_VARIABLE,
  approvedCondition,
  COUNTERSIGN_LABELS,
  COUNTERSIGN_MODES,
  type CountersignMode,
  type CountersignRule,
  checkPercent,
  compileCountersign,
  type MultiInstanceSettings,
  readCountersign,
} from '../templates/countersign';
import { type Bo, Edit, extOf, isType } from './moddle-edit';
import { panelWords } from './words';

/** The task's loop and assignee as the countersign module reads them; null without a multi-instance loop. */
export function readLoop(bo: Bo): Partial<MultiInstanceSettings> | null {
  const loop = bo?.loopCharacteristics;
  if (!isType(loop, 'bpmn:MultiInstanceLoopCharacteristics')) return null;
  const z = extOf(loop, 'zeebe:LoopCharacteristics');
  return {
    isSequential: loop.isSequential === true,
    inputCollection: z?.inputCollection,
    inputElement: z?.inputElement,
    outputCollection: z?.outputCollection,
    outputElement: z?.outputElement,
    completionCondition: loop.completionCondition?.body,
    assignee: extOf(bo, 'zeebe:AssignmentDefinition')?.assignee,
  };
}

type Choice = CountersignMode | 'single' | 'custom';

function choiceOf(bo: Bo): { choice: Choice; rule: CountersignRule | null } {
  const loop = readLoop(bo);
  if (!loop) return { choice: 'single', rule: null };
  const rule = readCountersign(loop);
  return rule ? { choice: rule.mode, rule } : { choice: 'custom', rule: null };
}

/** Writes the rule (or, with null, removes our loop and the assignee it set) as one undo step. */
export function writeRule(element: Bo, rule: CountersignRule | null, bpmnFactory: Bo, commandStack: Bo) {
  const bo = element.businessObject;
  const edit = new Edit(element, bpmnFactory);
  const assignment = extOf(bo, 'zeebe:AssignmentDefinition');
  if (!rule) {
    edit.update(bo, { loopCharacteristics: undefined });
    if (assignment?.assignee === `=${APPROVER_VARIABLE}`) edit.update(assignment, { assignee: undefined });
    edit.run(commandStack);
    return;
  }
  const s = compileCountersign(bo.id, rule);
  const loop = bpmnFactory.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: s.isSequential });
  const ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
  const z = bpmnFactory.create('zeebe:LoopCharacteristics', {
    inputCollection: s.inputCollection,
    inputElement: s.inputElement,
    outputCollection: s.outputCollection,
    outputElement: s.outputElement,
  });
  z.$parent = ext;
  ext.values = [z];
  ext.$parent = loop;
  loop.extensionElements = ext;
  if (s.completionCondition) {
    const cond = bpmnFactory.create('bpmn:FormalExpression', { body: s.completionCondition });
    cond.$parent = loop;
    loop.completionCondition = cond;
  }
  loop.$parent = bo;
  edit.update(bo, { loopCharacteristics: loop });
  edit.update(assignment ?? edit.ensureExt(bo, 'zeebe:AssignmentDefinition'), { assignee: s.assignee });
  edit.run(commandStack);
}

interface EntryProps {
  element: Bo;
  id: string;
  lang: Lang;
}

function ModeEntry({ element, id, lang }: EntryProps) {
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  const w = panelWords(lang);
  const { choice, rule } = choiceOf(element.businessObject);
  const label = (m: CountersignMode) =>
    lang === 'en'
      ? `${COUNTERSIGN_LABELS[m].en}: ${COUNTERSIGN_LABELS[m].hintEn}`
      : `${COUNTERSIGN_LABELS[m].zh}：${COUNTERSIGN_LABELS[m].hintZh}`;
  return h(SelectEntry, {
    element,
    id,
    label: w.mode,
    getValue: () => choice,
    getOptions: () => [
      { value: 'single', label: w.single },
      ...COUNTERSIGN_MODES.map((m) => ({ value: m, label: label(m) })),
      ...(choice === 'custom' ? [{ value: 'custom', label: w.custom, disabled: true }] : []),
    ],
    setValue: (value: Choice) => {
      if (value === 'custom' || value === choice) return;
      if (value === 'single') return writeRule(element, null, bpmnFactory, commandStack);
      const loop = readLoop(element.businessObject);
      writeRule(
        element,
        {
          mode: value,
          approvers: rule?.approvers ?? loop?.inputCollection ?? '=[]',
          ...(value === 'ratio' ? { percent: rule?.percent ?? 60 } : {}),
        },
        bpmnFactory,
        commandStack,
      );
    },
  });
}

function ApproversEntry({ element, id, lang }: EntryProps) {
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  const debounce = useService('debounceInput');
  const w = panelWords(lang);
  const { rule } = choiceOf(element.businessObject);
  if (!rule) return null;
  return h(TextFieldEntry, {
    element,
    id,
    label: w.approvers,
    description: w.approversHint,
    debounce,
    getValue: () => (rule.approvers === '=[]' ? '' : rule.approvers.replace(/^=/, '')),
    validate: (v: string) => (v?.trim() ? null : w.approversEmpty),
    setValue: (v: string) => {
      const value = (v ?? '').trim();
      writeRule(element, { ...rule, approvers: value ? `=${value}` : '=[]' }, bpmnFactory, commandStack);
    },
  });
}

function PercentEntry({ element, id, lang }: EntryProps) {
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  const debounce = useService('debounceInput');
  const w = panelWords(lang);
  const { rule } = choiceOf(element.businessObject);
  if (rule?.mode !== 'ratio') return null;
  return h(NumberFieldEntry, {
    element,
    id,
    label: w.percent,
    min: 1,
    max: 100,
    step: 1,
    debounce,
    getValue: () => rule.percent,
    validate: (v: unknown) => {
      const p = checkPercent(v);
      return p.ok ? null : lang === 'en' ? p.en : p.zh;
    },
    setValue: (v: unknown, error?: string | null) => {
      const p = checkPercent(v);
      if (error || !p.ok) return;
      writeRule(element, { ...rule, percent: p.value }, bpmnFactory, commandStack);
    },
  });
}

/** Shows the FEEL a gateway after this step tests for "approved" (the last signer's decision alone is not it). */
function OutcomeEntry({ element, lang }: EntryProps) {
  const { rule } = choiceOf(element.businessObject);
  if (!rule) return null;
  return h(
    'div',
    { class: 'bio-properties-panel-entry hl-panel-note', 'data-testid': 'countersign-outcome' },
    `${panelWords(lang).outcomeHint} `,
    h('code', {}, approvedCondition(element.businessObject.id, rule)),
  );
}

export function countersignGroup(element: Bo, lang: Lang) {
  return {
    id: 'huiliu-countersign',
    label: panelWords(lang).countersignGroup,
    entries: [
      { id: 'huiliu-countersign-mode', component: ModeEntry, lang },
      { id: 'huiliu-countersign-approvers', component: ApproversEntry, lang },
      { id: 'huiliu-countersign-percent', component: PercentEntry, lang },
      { id: 'huiliu-countersign-outcome', component: OutcomeEntry, lang },
    ].map((e) => ({ ...e, element })),
  };
}
