/**
 * @module The approval record (审批记录, issue #17 item 1): the instance's history as people read it — one line per
 * human act, who (name and unit), what in words, the opinion, when. Gateways, jobs, timers and element entries are
 * engine events and stay out; the technical history remains at /history for administrators. Pure: the reader
 * (read-record.ts) gathers the history, the task rows, their forms and the people's names.
 */
import type { HistoryEvent } from '../../engine/contract';
import type { PersonLabel } from './people';

/** A form as the record reads it: the task's own form, the version the task was opened with. */
export interface RecordForm {
  title: string;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}

/** One activation of a user task (a task row). */
export interface RecordStep {
  taskId: string;
  elementId: string;
  name: string;
  activation: number;
  form?: RecordForm;
}

export interface RecordInput {
  events: HistoryEvent[];
  /** taskKey → its task row's facts. */
  steps: ReadonlyMap<string, RecordStep>;
  /** Element id → its name (user tasks and the start step), for events that name a step without a task key. */
  elementNames: ReadonlyMap<string, string>;
  startForm?: RecordForm;
  people: ReadonlyMap<string, PersonLabel>;
}

export type Tone = 'submit' | 'approve' | 'return' | 'reject' | 'neutral';

/** A field of a step's form as submitted, shown read-only with its label and, for a choice, the option's label. */
export interface RecordField {
  key: string;
  label: string;
  labelEn?: string;
  text: string;
  /** Attachment ids of an attachment field (the UI links them; it never shows the ids). */
  attachments?: string[];
}

export interface RecordLine {
  at: string;
  /** submit, decision, transfer, delegate, resolve, add-signers, remove-signers, return, withdraw, cancel, urge, cc, finish */
  kind: string;
  action: string;
  actionEn: string;
  tone: Tone;
  actor?: string;
  actorLabel?: string;
  step?: string;
  elementId?: string;
  taskId?: string;
  /** The activation of the step (2 = the second round of 整改反馈). */
  round?: number;
  opinion?: string;
  /** Who or where the act pointed to (转办给…, 退回至…), already in words. */
  targets?: string[];
  fields: RecordField[];
}

const DECISION_TONE: Record<string, Tone> = {
  approve: 'approve',
  pass: 'approve',
  accept: 'approve',
  publish: 'approve',
  return: 'return',
  fail: 'return',
  hold: 'return',
  reject: 'reject',
  dismiss: 'reject',
};
const DECISION_EN: Record<string, string> = {
  approve: 'Approved',
  pass: 'Passed',
  accept: 'Accepted',
  publish: 'Published',
  return: 'Returned',
  fail: 'Not passed',
  hold: 'Held',
  reject: 'Rejected',
  dismiss: 'Dismissed',
};

const SIMPLE: Record<string, { kind: string; action: string; actionEn: string; tone: Tone }> = {
  'task.transferred': { kind: 'transfer', action: '转办', actionEn: 'Transferred', tone: 'neutral' },
  'task.delegated': { kind: 'delegate', action: '委派', actionEn: 'Delegated', tone: 'neutral' },
  'task.resolved': { kind: 'resolve', action: '办毕交还', actionEn: 'Handed back', tone: 'neutral' },
  'task.signers-added': { kind: 'add-signers', action: '加签', actionEn: 'Added signers', tone: 'neutral' },
  'task.signers-removed': {
    kind: 'remove-signers',
    action: '减签',
    actionEn: 'Removed signers',
    tone: 'neutral',
  },
  'task.returned': { kind: 'return', action: '退回', actionEn: 'Returned', tone: 'return' },
  'instance.withdrawn': { kind: 'withdraw', action: '撤回', actionEn: 'Withdrew', tone: 'return' },
  'instance.cancel.requested': { kind: 'cancel', action: '撤销', actionEn: 'Cancelled', tone: 'reject' },
  'instance.cancelled': { kind: 'cancel', action: '撤销', actionEn: 'Cancelled', tone: 'reject' },
  'task.urged': { kind: 'urge', action: '催办', actionEn: 'Urged', tone: 'neutral' },
  'task.cc': { kind: 'cc', action: '抄送', actionEn: 'Copied', tone: 'neutral' },
};
const SIGNER_MODES: Record<string, string> = { before: '前加签', after: '后加签', parallel: '并行加签' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

function propsOf(form: RecordForm | undefined): [string, Obj][] {
  const props = isObj(form?.schema?.properties) ? (form.schema.properties as Obj) : {};
  const order = Array.isArray(form?.uiSchema?.['ui:order']) ? (form.uiSchema['ui:order'] as string[]) : [];
  const keys = [...order.filter((k) => k in props), ...Object.keys(props).filter((k) => !order.includes(k))];
  return keys.filter((k) => isObj(props[k])).map((k) => [k, props[k] as Obj]);
}

/** The form field that holds the step's opinion: `comment`/`opinion`, or a text field titled …意见. */
function opinionKey(form: RecordForm | undefined): string | undefined {
  const props = propsOf(form);
  return (
    props.find(([k]) => k === 'comment' || k === 'opinion')?.[0] ??
    props.find(([, p]) => p.type === 'string' && String(p.title ?? '').endsWith('意见'))?.[0]
  );
}

function optionTitle(prop: Obj, value: unknown): string | undefined {
  const options = (
    Array.isArray(prop.oneOf) ? prop.oneOf : Array.isArray(prop.anyOf) ? prop.anyOf : []
  ) as Obj[];
  const found = options.find((o) => isObj(o) && o.const === value);
  return found ? str(found.title) : undefined;
}

/** A submitted value in words: an option's label, 是/否, a list; undefined for what a person cannot read (ids, objects). */
export function fieldText(prop: Obj, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const option = optionTitle(prop, value);
  if (option) return option;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return UUID.test(value) ? undefined : value;
  if (Array.isArray(value)) {
    const item = isObj(prop.items) ? (prop.items as Obj) : {};
    const parts = value.map((v) => fieldText(item, v)).filter((t): t is string => t !== undefined);
    return parts.length ? parts.join('、') : undefined;
  }
  return undefined;
}

const isAttachmentField = (prop: Obj) =>
  prop['x-attachment'] === true || (isObj(prop.items) && (prop.items as Obj)['x-attachment'] === true);

/** The step's submitted fields, read-only, in the form's order; the decision and the opinion have their own places. */
export function stepFields(
  form: RecordForm | undefined,
  variables: Obj,
  skip: ReadonlySet<string> = new Set(),
): RecordField[] {
  const out: RecordField[] = [];
  const ui = isObj(form?.uiSchema) ? (form.uiSchema as Obj) : {};
  for (const [key, prop] of propsOf(form)) {
    if (skip.has(key)) continue;
    const value = variables[key];
    const labelEn = isObj(ui[key]) ? str((ui[key] as Obj)['ui:titleEn']) : undefined;
    const label = str(prop.title) ?? key;
    if (isAttachmentField(prop)) {
      const ids = (Array.isArray(value) ? value : [value]).filter(
        (v): v is string => typeof v === 'string' && v !== '',
      );
      if (ids.length)
        out.push({
          key,
          label,
          ...(labelEn ? { labelEn } : {}),
          text: `${ids.length} 个附件`,
          attachments: ids,
        });
      continue;
    }
    const text = fieldText(prop, value);
    if (text !== undefined) out.push({ key, label, ...(labelEn ? { labelEn } : {}), text });
  }
  return out;
}

function personText(people: ReadonlyMap<string, PersonLabel>, username: string): string {
  return people.get(username)?.label ?? username;
}

function targetsOf(e: HistoryEvent, input: RecordInput): string[] {
  const d = isObj(e.data) ? e.data : {};
  const names: string[] = [];
  const to = str(d.to);
  if (to) names.push(personText(input.people, to));
  for (const u of Array.isArray(d.usernames) ? d.usernames : [])
    if (typeof u === 'string') names.push(personText(input.people, u));
  const elements = [d.toElementId, ...(Array.isArray(d.targets) ? d.targets : [])].filter(
    (x): x is string => typeof x === 'string',
  );
  for (const el of elements) names.push(input.elementNames.get(el) ?? input.startForm?.title ?? '');
  return names.filter(Boolean);
}

/** Who acted, for the record: the username and its `name（unit）` label. */
function who(e: HistoryEvent, people: ReadonlyMap<string, PersonLabel>) {
  return e.actor ? { actor: e.actor, actorLabel: personText(people, e.actor) } : {};
}

function completedLine(e: HistoryEvent, input: RecordInput): RecordLine {
  const d = isObj(e.data) ? e.data : {};
  const variables = isObj(d.variables) ? d.variables : {};
  const step = typeof d.taskKey === 'string' ? input.steps.get(d.taskKey) : undefined;
  const form = step?.form;
  const decisionProp = propsOf(form).find(([k]) => k === 'decision')?.[1];
  const decision = variables.decision;
  const decided = decisionProp ? optionTitle(decisionProp, decision) : undefined;
  const opinionField = opinionKey(form);
  const opinion = str(d.comment) ?? (opinionField ? str(variables[opinionField]) : undefined);
  const skip = new Set(['decision', ...(opinionField ? [opinionField] : [])]);
  const value = typeof decision === 'string' ? decision : '';
  return {
    at: e.at,
    kind: decided ? 'decision' : 'submit',
    action: decided ?? '提交',
    actionEn: decided ? (DECISION_EN[value] ?? decided) : 'Submitted',
    tone: decided ? (DECISION_TONE[value] ?? 'approve') : 'submit',
    ...who(e, input.people),
    step: step?.name ?? (e.elementId ? input.elementNames.get(e.elementId) : undefined),
    ...(e.elementId ? { elementId: e.elementId } : {}),
    ...(step ? { taskId: step.taskId, round: step.activation } : {}),
    ...(opinion ? { opinion } : {}),
    fields: stepFields(form, variables, skip),
  };
}

/** The approval record of one instance, oldest first. */
export function recordLines(input: RecordInput): RecordLine[] {
  const lines: RecordLine[] = [];
  const cancelRequested = input.events.some((e) => e.type === 'instance.cancel.requested');
  for (const e of input.events) {
    const d = isObj(e.data) ? e.data : {};
    if (e.type === 'instance.started') {
      // A timer or message start has no starter: the process began by itself, not by anyone's act.
      if (!e.actor) continue;
      lines.push({
        at: e.at,
        kind: 'submit',
        action: '提交',
        actionEn: 'Submitted',
        tone: 'submit',
        ...who(e, input.people),
        ...(input.startForm ? { step: input.startForm.title } : {}),
        fields: [],
      });
    } else if (e.type === 'task.completed') {
      if (!e.actor) continue;
      lines.push(completedLine(e, input));
    } else if (e.type === 'instance.completed') {
      lines.push({
        at: e.at,
        kind: 'finish',
        action: '办结',
        actionEn: 'Finished',
        tone: 'approve',
        fields: [],
      });
    } else if (Object.hasOwn(SIMPLE, e.type)) {
      if (e.type === 'instance.cancelled' && cancelRequested) continue;
      const base = SIMPLE[e.type];
      const mode = e.type === 'task.signers-added' ? SIGNER_MODES[String(d.mode)] : undefined;
      const step = typeof d.taskKey === 'string' ? input.steps.get(d.taskKey) : undefined;
      const stepName =
        step?.name ?? str(d.taskName) ?? (e.elementId ? input.elementNames.get(e.elementId) : undefined);
      const targets = targetsOf(e, input);
      const opinion = str(d.comment) ?? str(d.reason);
      lines.push({
        at: e.at,
        ...base,
        ...(mode ? { action: mode } : {}),
        ...who(e, input.people),
        ...(stepName ? { step: stepName } : {}),
        ...(e.elementId ? { elementId: e.elementId } : {}),
        ...(step ? { taskId: step.taskId, round: step.activation } : {}),
        ...(opinion ? { opinion } : {}),
        ...(targets.length ? { targets } : {}),
        fields: [],
      });
    }
  }
  return lines;
}

/** Every username the record names (actors and targets), so the reader looks them up in one query. */
export function namedPeople(events: HistoryEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) {
    if (e.actor) out.add(e.actor);
    const d = isObj(e.data) ? e.data : {};
    if (typeof d.to === 'string') out.add(d.to);
    if (typeof d.from === 'string') out.add(d.from);
    for (const u of Array.isArray(d.usernames) ? d.usernames : []) if (typeof u === 'string') out.add(u);
  }
  return out;
}
