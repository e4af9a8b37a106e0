/**
 * @module ui/flows/model/types: the designer's model — a vertical chain of cards, as 钉钉审批 shows a flow — which
 * is BPMN underneath (read-bpmn.ts / write-bpmn.ts). Every card keeps the element id it came from, and whatever
 * the card cannot show (unknown attributes, extension elements, documentation, event definitions) rides along in
 * `keep`, written back unchanged: the designer never destroys what it cannot express.
 */
import type { CountersignMode } from '../../pages/modeler/templates/countersign';

/** XML the card does not interpret, by where it sits in the element (BPMN's child order). */
export interface Keep {
  /** Unknown attributes of the element. */
  attrs?: [string, string][];
  /** Children before extensionElements (documentation). */
  pre?: string[];
  /** Unknown children of extensionElements (and unknown zeebe:properties entries as one zeebe:properties). */
  ext?: string[];
  /** Children after incoming/outgoing (event definitions, loop characteristics we do not read, ...). */
  post?: string[];
}

export type FieldAccess = 'read' | 'hidden' | 'edit';

/** Who a step's task goes to: pickers, not expressions; `raw` keeps an assignment the pickers cannot show. */
export type Who =
  | { kind: 'role'; role: string; unitId?: string }
  | { kind: 'users'; users: string[] }
  | { kind: 'starter' }
  | { kind: 'starterLeader' }
  | { kind: 'field'; field: string }
  | { kind: 'raw'; assignee?: string; candidateGroups?: string; candidateUsers?: string };

export type RuleOp = '=' | '!=' | '>' | '>=' | '<' | '<=';
export interface Rule {
  field: string;
  op: RuleOp;
  value: string | number | boolean;
}
/** Built from the start form's fields: OR of groups, AND within a group. `raw` is FEEL the builder cannot show. */
export type Condition = { groups: Rule[][] } | { raw: string };

interface Base {
  id: string;
  name: string;
  keep?: Keep;
  /** Id of the sequence flow entering this card from the previous one (kept so versions diff cleanly). */
  flowIn?: string;
}

export interface StartCard extends Base {
  kind: 'start';
  formKey?: string;
}

export interface EndCard extends Base {
  kind: 'end';
}

/** 审批人 / 办理人: a zeebe user task. */
export interface TaskCard extends Base {
  kind: 'approver' | 'handler';
  who: Who;
  /** 审批方式; for users and more than one signer it compiles to multi-instance (countersign.ts). */
  mode: CountersignMode;
  percent?: number;
  formKey?: string;
  fieldAccess?: Record<string, FieldAccess>;
  /** Deadline in working days (`=workday(now(), n)`), or a due date expression kept as written. */
  due?: { workdays: number } | { raw: string };
  /** Task headers other than fieldAccess, kept in order. */
  headers?: [string, string][];
}

/** 抄送人 / 通知: the `notify` service task with its headers. */
export interface NotifyCard extends Base {
  kind: 'cc' | 'notify';
  /** Recipients: `initiator` or role keys. */
  to: string[];
  title: string;
  body: string;
  link?: string;
  headers?: [string, string][];
  retries?: string;
}

/** A step the cards cannot edit (a system service task, a script, a call activity...): shown, kept verbatim. */
export interface LockedCard extends Base {
  kind: 'locked';
  /** BPMN element local name (serviceTask, scriptTask, ...). */
  element: string;
  /** The element's XML without incoming/outgoing. */
  xml: string;
}

/** Where a side path goes after its cards: an end event, or back/forward to another card (a return loop). */
export type PathEnd = { end: EndCard } | { goto: string };

/** One outcome of an approval's result that leaves the chain (退回, 不予通过): its cards, then where it goes. */
export interface Outcome {
  flowId: string;
  name: string;
  /** FEEL; absent for the gateway's default flow. */
  condition?: string;
  path: Card[];
  goesTo: PathEnd;
}

/** 审批结果: the exclusive gateway after a task whose outcomes do not meet again. The chain goes on by `next`. */
export interface DecisionCard extends Base {
  kind: 'decision';
  next: { flowId: string; name: string; condition?: string };
  /** Whether `next` is the gateway's default flow. */
  nextIsDefault?: boolean;
  outcomes: Outcome[];
}

export interface Branch {
  flowId: string;
  name: string;
  /** null: the 默认 branch (the gateway's default flow). For parallel branches always null. */
  condition: Condition | null;
  cards: Card[];
  /** Id of the flow from the branch's last card to the join. */
  flowOut?: string;
}

/** 条件分支 / 并行分支: a split gateway, branches side by side, a join gateway. */
export interface BranchCard extends Base {
  kind: 'condition' | 'parallel';
  joinId: string;
  joinName?: string;
  joinKeep?: Keep;
  branches: Branch[];
}

/** 定时/超时: a timer boundary on the task card before it. */
export interface TimerCard extends Base {
  kind: 'timer';
  interrupting: boolean;
  /** Working days after the task opens; `daily`: then every day (a reminder cycle). `raw`: timer XML kept. */
  when: { workdays: number; daily: boolean } | { raw: string };
  timerId?: string;
  /** 催办 path (non-interrupting) or the cards of an interrupting path. */
  path: Card[];
  /** `next`: 自动通过 (the chain goes on); an end: 自动退回/结束; a goto: another card. */
  goesTo: PathEnd | { next: true };
}

export type Card =
  | StartCard
  | EndCard
  | TaskCard
  | NotifyCard
  | LockedCard
  | DecisionCard
  | BranchCard
  | TimerCard;
export type CardKind = Card['kind'];

export interface FlowModel {
  processId: string;
  name: string;
  /** Role keys allowed to start (process property huiliu:starters). */
  starters: string[];
  /** Process-level XML kept: unknown attributes, documentation, other extension entries, lanes, annotations. */
  keep?: Keep;
  /** Root attributes of bpmn:definitions (namespaces, exporter) and other root children (messages, errors). */
  definitions: { attrs: [string, string][]; other: string[] };
  chain: Card[];
}

/** What the read found that cards cannot show: the page opens 高级模式 with these notes. */
export interface Unsupported {
  elementId?: string;
  zh: string;
  en: string;
}

export type ReadResult = { ok: true; model: FlowModel } | { ok: false; unsupported: Unsupported[] };
