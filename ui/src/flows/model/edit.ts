/**
 * @module ui/flows/model/edit: pure edits of the card chain — add a card in a slot (the "+" between two cards),
 * remove, move up/down, change, add/remove a branch — and the checks the designer shows before publishing. Every
 * edit returns a new model; ids of new cards are unique in the model and readable (`approver-2`).
 */
import {
  APPROVE_VALUE,
  approvedCondition,
  DECISION_VARIABLE,
} from '../../pages/modeler/templates/countersign';
import type {
  Branch,
  BranchCard,
  Card,
  CardKind,
  DecisionCard,
  FlowModel,
  NotifyCard,
  Outcome,
  TaskCard,
  TimerCard,
} from './types';
import { isCountersign } from './write-bpmn';

/** A place in a list of cards: `main`, or branch `b` of the split card `split`; `index` is where a new card goes. */
export interface Slot {
  list: string;
  index: number;
}
export const MAIN = 'main';
export const branchList = (splitId: string, b: number) => `${splitId}#${b}`;

/** Every list of cards in the model by its name (the main chain and every branch, nested too). */
export function listsOf(m: FlowModel): Map<string, Card[]> {
  const out = new Map<string, Card[]>();
  const visit = (name: string, cards: Card[]) => {
    out.set(name, cards);
    for (const c of cards) {
      if (c.kind === 'condition' || c.kind === 'parallel')
        c.branches.forEach((b, i) => {
          visit(branchList(c.id, i), b.cards);
        });
    }
  };
  visit(MAIN, m.chain);
  return out;
}

/** Every id the model writes (cards, joins, flows, side-path cards and ends), so new ones never collide. */
export function idsOf(m: FlowModel): Set<string> {
  const ids = new Set<string>([m.processId]);
  const visit = (cards: Card[]) => {
    for (const c of cards) {
      ids.add(c.id);
      if (c.flowIn) ids.add(c.flowIn);
      if (c.kind === 'condition' || c.kind === 'parallel') {
        ids.add(c.joinId);
        for (const b of c.branches) {
          ids.add(b.flowId);
          if (b.flowOut) ids.add(b.flowOut);
          visit(b.cards);
        }
      }
      if (c.kind === 'decision') {
        ids.add(c.next.flowId);
        for (const o of c.outcomes) {
          ids.add(o.flowId);
          visit(o.path);
          if ('end' in o.goesTo) visit([o.goesTo.end]);
        }
      }
      if (c.kind === 'timer') {
        if (c.timerId) ids.add(c.timerId);
        visit(c.path);
        if ('end' in c.goesTo) visit([c.goesTo.end]);
      }
    }
  };
  visit(m.chain);
  return ids;
}

function uniqueId(ids: Set<string>, prefix: string): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!ids.has(id)) {
      ids.add(id);
      return id;
    }
  }
}

/** Default names, Chinese first. */
export const CARD_NAMES: Record<string, { zh: string; en: string }> = {
  start: { zh: '发起人', en: 'Initiator' },
  approver: { zh: '审批人', en: 'Approver' },
  handler: { zh: '办理人', en: 'Handler' },
  cc: { zh: '抄送人', en: 'CC' },
  notify: { zh: '通知', en: 'Notification' },
  condition: { zh: '条件分支', en: 'Condition branches' },
  parallel: { zh: '并行分支', en: 'Parallel branches' },
  timer: { zh: '定时/超时', en: 'Deadline' },
  end: { zh: '结束', en: 'End' },
  decision: { zh: '审批结果', en: 'Outcome' },
  locked: { zh: '系统步骤', en: 'System step' },
};

export type NewCardKind = Extract<
  CardKind,
  'approver' | 'handler' | 'cc' | 'notify' | 'condition' | 'parallel' | 'timer'
>;
export const NEW_CARD_KINDS: NewCardKind[] = [
  'approver',
  'handler',
  'cc',
  'notify',
  'condition',
  'parallel',
  'timer',
];

/** A new card of `kind` with ids unique in `m`. */
export function newCard(m: FlowModel, kind: NewCardKind, lang: 'zh' | 'en' = 'zh'): Card {
  const ids = idsOf(m);
  const name = CARD_NAMES[kind][lang];
  switch (kind) {
    case 'approver':
    case 'handler':
      return {
        kind,
        id: uniqueId(ids, kind),
        name,
        who: { kind: 'starterLeader' },
        mode: 'any',
      } satisfies TaskCard;
    case 'cc':
    case 'notify':
      return {
        kind,
        id: uniqueId(ids, kind),
        name,
        to: ['initiator'],
        title: lang === 'zh' ? `${m.name}：流程进展` : `${m.name}: progress`,
        body: lang === 'zh' ? '您关注的流程有新的进展。' : 'The process you follow has progressed.',
        link: '/instances/{instanceId}',
        retries: '3',
      } satisfies NotifyCard;
    case 'condition':
    case 'parallel': {
      const id = uniqueId(ids, kind);
      const branch = (i: number, dflt: boolean): Branch => ({
        flowId: uniqueId(ids, `flow-${id}`),
        name: dflt ? (lang === 'zh' ? '默认' : 'Default') : lang === 'zh' ? `条件${i}` : `Condition ${i}`,
        condition: kind === 'parallel' || dflt ? null : { groups: [[]] },
        cards: [],
      });
      return {
        kind,
        id,
        name,
        joinId: uniqueId(ids, `${id}-join`),
        branches:
          kind === 'condition'
            ? [branch(1, false), branch(2, true)]
            : [
                { ...branch(1, true), name: lang === 'zh' ? '分支1' : 'Branch 1' },
                { ...branch(2, true), name: lang === 'zh' ? '分支2' : 'Branch 2' },
              ],
      } satisfies BranchCard;
    }
    case 'timer': {
      const id = uniqueId(ids, 'timer');
      const remind: NotifyCard = {
        kind: 'notify',
        id: uniqueId(ids, 'remind'),
        name: lang === 'zh' ? '催办' : 'Reminder',
        to: ['initiator'],
        title: lang === 'zh' ? `${m.name}：待办已逾期` : `${m.name}: overdue`,
        body: lang === 'zh' ? '待办已超过期限，请尽快办理。' : 'A task is past its deadline.',
        link: '/instances/{instanceId}',
        headers: [['workdaysOnly', 'true']],
        retries: '3',
      };
      return {
        kind: 'timer',
        id,
        name: lang === 'zh' ? '超时催办' : 'Overdue reminder',
        interrupting: false,
        when: { workdays: 3, daily: true },
        path: [remind],
        goesTo: {
          end: {
            kind: 'end',
            id: uniqueId(ids, 'end-reminded'),
            name: lang === 'zh' ? '已催办' : 'Reminded',
          },
        },
      } satisfies TimerCard;
    }
  }
}

/**
 * The action after a deadline: 催办 (remind, the step stays), 自动通过 (the chain goes on), 自动退回 (ends), 自动退回发起人
 * (the step closes; the initiator revises with the start form and resubmits to the first step, as 不同意时 退回发起人).
 */
export type TimerAction = 'remind' | 'approve' | 'return' | 'starter';
export function timerAction(t: TimerCard): TimerAction | null {
  if (!t.interrupting) return 'remind';
  if ('next' in t.goesTo && !t.path.length) return 'approve';
  if ('end' in t.goesTo && !t.path.length) return 'return';
  if ('goto' in t.goesTo && t.path.length === 1 && isReviseCard(t.path[0])) return 'starter';
  return null;
}

/** The step a deadline card belongs to (the card above it, past the step's other deadlines). */
function timerOwner(m: FlowModel, timerId: string): Card | undefined {
  const at = locate(m, timerId);
  return at?.list
    .slice(0, at.index)
    .reverse()
    .find((c) => c.kind !== 'timer');
}

/** A 退回发起人 修改 step: 发起人本人 with the start form. */
function reviseCard(m: FlowModel, ids: Set<string>, of: string, lang: 'zh' | 'en'): TaskCard {
  const start = m.chain[0];
  return {
    kind: 'handler',
    id: uniqueId(ids, `revise-${of}`),
    name: lang === 'zh' ? '发起人修改' : 'Initiator revises',
    who: { kind: 'starter' },
    mode: 'any',
    ...(start?.kind === 'start' && start.formKey ? { formKey: start.formKey } : {}),
  };
}

/** Switches a timer card's action, keeping its deadline. */
export function setTimerAction(
  m: FlowModel,
  t: TimerCard,
  action: TimerAction,
  lang: 'zh' | 'en' = 'zh',
): TimerCard {
  const days = 'raw' in t.when ? 3 : t.when.workdays;
  if (action === 'remind') {
    const fresh = newCard(m, 'timer', lang) as TimerCard;
    return { ...fresh, id: t.id, name: t.name, when: { workdays: days, daily: true } };
  }
  const base = { ...t, interrupting: true, when: { workdays: days, daily: false }, path: [] };
  if (action === 'approve') return { ...base, goesTo: { next: true } };
  const ids = idsOf(m);
  if (action === 'starter') {
    const owner = timerOwner(m, t.id);
    const first = owner ? (returnTargets(m, owner.id).at(-1)?.id ?? owner.id) : '';
    return { ...base, path: [reviseCard(m, ids, t.id, lang)], goesTo: { goto: first } };
  }
  return {
    ...base,
    goesTo: {
      end: {
        kind: 'end',
        id: uniqueId(ids, 'end-timeout'),
        name: lang === 'zh' ? '超时退回' : 'Returned on timeout',
      },
    },
  };
}

const clone = (m: FlowModel): FlowModel => structuredClone(m);

function locate(m: FlowModel, cardId: string): { list: Card[]; index: number; name: string } | undefined {
  for (const [name, list] of listsOf(m)) {
    const index = list.findIndex((c) => c.id === cardId);
    if (index >= 0) return { list, index, name };
  }
}

/** Why a card may not be removed (null: it may). */
export function cannotRemove(m: FlowModel, cardId: string): { zh: string; en: string } | null {
  const at = locate(m, cardId);
  if (!at) return { zh: '找不到该节点', en: 'no such card' };
  const c = at.list[at.index];
  if (c.kind === 'start' || c.kind === 'end')
    return { zh: '发起人和结束节点不能删除', en: 'the start and end cannot be removed' };
  if (c.kind === 'locked' || (c.kind === 'decision' && !c.id.startsWith(REJECT_PREFIX)))
    return { zh: '该节点只能在高级模式中修改', en: 'this card can only be changed in advanced mode' };
  // A step's own 审批结果 and deadlines may lead back to it: they go with it.
  const own = new Set<string>();
  for (let j = at.index + 1; at.list[j]?.kind === 'timer'; j++) own.add(at.list[j].id);
  const result = rejectResultOf(m, cardId);
  if (result) own.add(result.id);
  if (gotoTargets(m, own).has(cardId))
    return { zh: '有退回路径指向该节点，不能删除', en: 'a return path leads to this card' };
  return null;
}

/** Ids that side paths go back (or forward) to, but for those of the cards `except` (a step's own). */
export function gotoTargets(m: FlowModel, except = new Set<string>()): Set<string> {
  const out = new Set<string>();
  const visit = (cards: Card[]) => {
    for (const c of cards) {
      if (except.has(c.id)) continue;
      if (c.kind === 'decision')
        for (const o of c.outcomes) {
          if ('goto' in o.goesTo) out.add(o.goesTo.goto);
          visit(o.path);
        }
      if (c.kind === 'timer') {
        if ('goto' in c.goesTo) out.add(c.goesTo.goto);
        visit(c.path);
      }
      if (c.kind === 'condition' || c.kind === 'parallel') for (const b of c.branches) visit(b.cards);
    }
  };
  visit(m.chain);
  return out;
}

/**
 * Puts a card in a slot. A step's deadlines and 审批结果 belong to it, so a new step (anything but a deadline) that
 * would land between them goes after them: otherwise the 审批结果 would judge the new step's decision.
 */
export function insertCard(m: FlowModel, slot: Slot, card: Card): FlowModel {
  const next = clone(m);
  const list = listsOf(next).get(slot.list);
  if (!list) throw new Error(`no list ${slot.list}`);
  let at = slot.index;
  if (card.kind !== 'timer')
    while (at > 0 && (list[at]?.kind === 'timer' || list[at]?.kind === 'decision')) at++;
  list.splice(at, 0, card);
  return next;
}

export function removeCard(m: FlowModel, cardId: string): FlowModel {
  if (cannotRemove(m, cardId)) return m;
  const next = clone(m);
  const at = locate(next, cardId) as { list: Card[]; index: number };
  const [removed] = at.list.splice(at.index, 1);
  // A step's deadline cards (its timer boundaries) go with it.
  if (removed.kind !== 'timer') while (at.list[at.index]?.kind === 'timer') at.list.splice(at.index, 1);
  // So does the 审批结果 its 不同意时 added: it decides on this step's outcome and would judge the one above.
  const result = at.list[at.index];
  if (
    result?.kind === 'decision' &&
    result.id.startsWith(REJECT_PREFIX) &&
    result.id === rejectResultOf(m, cardId)?.id
  )
    at.list.splice(at.index, 1);
  return next;
}

/** Moves a card one place up (-1) or down (+1) in its list; start and end stay where they are. */
/**
 * Whether a card may move one place: start and end stay; a step never swaps with an 审批结果 or a deadline (they
 * belong to the step above them), and a step that has a deadline or a result moves only in 高级模式.
 */
export function canMove(m: FlowModel, cardId: string, delta: -1 | 1): boolean {
  const at = locate(m, cardId);
  if (!at) return false;
  const card = at.list[at.index];
  const other = at.list[at.index + delta];
  const fixed = (c: Card | undefined) =>
    !c || ['start', 'end', 'decision', 'timer', 'locked'].includes(c.kind);
  if (fixed(card) || fixed(other)) return false;
  // A step a 退回 goes back to stays above the steps that return to it.
  if (gotoTargets(m).has(cardId)) return false;
  const after = at.list[at.index + 1];
  return !(after && (after.kind === 'timer' || after.kind === 'decision'));
}

/** Moves a card one place up (-1) or down (+1) in its list, when `canMove` allows it. */
export function moveCard(m: FlowModel, cardId: string, delta: -1 | 1): FlowModel {
  if (!canMove(m, cardId, delta)) return m;
  const next = clone(m);
  const at = locate(next, cardId) as { list: Card[]; index: number };
  const to = at.index + delta;
  [at.list[at.index], at.list[to]] = [at.list[to], at.list[at.index]];
  return next;
}

export function replaceCard(m: FlowModel, card: Card): FlowModel {
  const next = clone(m);
  const at = locate(next, card.id);
  if (!at) return m;
  at.list[at.index] = structuredClone(card);
  return next;
}

export function findCard(m: FlowModel, cardId: string): Card | undefined {
  const at = locate(m, cardId);
  return at ? at.list[at.index] : undefined;
}

export function addBranch(m: FlowModel, splitId: string, lang: 'zh' | 'en' = 'zh'): FlowModel {
  const card = findCard(m, splitId);
  if (!card || (card.kind !== 'condition' && card.kind !== 'parallel')) return m;
  const ids = idsOf(m);
  const n = card.branches.length + 1;
  const b: Branch = {
    flowId: uniqueId(ids, `flow-${splitId}`),
    name:
      card.kind === 'condition'
        ? lang === 'zh'
          ? `条件${n}`
          : `Condition ${n}`
        : lang === 'zh'
          ? `分支${n}`
          : `Branch ${n}`,
    condition: card.kind === 'condition' ? { groups: [[]] } : null,
    cards: [],
  };
  // A new condition goes before the 默认 branch, which stays last.
  const at = card.kind === 'condition' ? Math.max(0, card.branches.length - 1) : card.branches.length;
  const branches = [...card.branches];
  branches.splice(at, 0, b);
  return replaceCard(m, { ...card, branches });
}

export function removeBranch(m: FlowModel, splitId: string, index: number): FlowModel {
  const card = findCard(m, splitId);
  if (!card || (card.kind !== 'condition' && card.kind !== 'parallel') || card.branches.length <= 2) return m;
  if (card.branches[index]?.condition === null && card.kind === 'condition') return m;
  return replaceCard(m, { ...card, branches: card.branches.filter((_, i) => i !== index) });
}

export interface Problem {
  cardId: string;
  zh: string;
  en: string;
}

/** What must be fixed before publishing, per card (names, approvers, conditions, deadlines). */
export function checkModel(m: FlowModel): Problem[] {
  const out: Problem[] = [];
  const visit = (cards: Card[]) => {
    cards.forEach((c, i) => {
      const say = (zh: string, en: string) =>
        out.push({ cardId: c.id, zh: `“${c.name || c.id}”：${zh}`, en: `${c.name || c.id}: ${en}` });
      if (!c.name.trim() && c.kind !== 'start' && c.kind !== 'end' && c.kind !== 'decision')
        say('请填写节点名称', 'give the card a name');
      if (c.kind === 'approver' || c.kind === 'handler') {
        if (c.who.kind === 'users' && !c.who.users.length) say('请选择审批人', 'pick at least one person');
        if (c.who.kind === 'role' && !c.who.role) say('请选择角色', 'pick a role');
        if (c.who.kind === 'field' && !c.who.field) say('请选择表单字段', 'pick a form field');
        if (c.who.kind === 'role' && c.who.unitId === '') say('请选择单位', 'pick a unit');
        if (c.mode !== 'any' && c.who.kind !== 'users' && c.who.kind !== 'field') {
          say(
            '会签、依次审批和按比例只能用于指定人员或表单字段中的人员名单',
            'countersigning needs named people or a list field',
          );
        }
        if (
          c.mode === 'ratio' &&
          !(Number.isInteger(c.percent) && (c.percent as number) >= 1 && (c.percent as number) <= 100)
        ) {
          say('通过比例须为 1 到 100 之间的整数', 'the percentage must be a whole number from 1 to 100');
        }
        if (
          c.kind === 'approver' &&
          !c.formKey &&
          cards
            .slice(i + 1)
            .find((x) => x.kind !== 'timer')
            ?.id.startsWith(REJECT_PREFIX)
        ) {
          say(
            '“不同意时”结束或退回需要一个含审核结论（同意/不同意）的办理表单',
            'ending or returning on "not approved" needs a task form with a decision',
          );
        }
        if (c.due && 'workdays' in c.due && !(c.due.workdays >= 1))
          say('期限须至少 1 个工作日', 'the deadline must be at least one working day');
      }
      if (c.kind === 'cc' || c.kind === 'notify') {
        if (!c.to.length) say('请选择接收人', 'pick who receives it');
        if (!c.title.trim()) say('请填写通知标题', 'give the notification a title');
      }
      if (c.kind === 'timer') {
        const owner = cards
          .slice(0, i)
          .reverse()
          .find((x) => x.kind !== 'timer');
        if (!owner || (owner.kind !== 'approver' && owner.kind !== 'handler' && owner.kind !== 'locked')) {
          say('定时/超时只能紧跟在审批人或办理人之后', 'a deadline must follow an approver or handler card');
        }
        if ('workdays' in c.when && !(c.when.workdays >= 1))
          say('期限须至少 1 个工作日', 'the deadline must be at least one working day');
      }
      if (c.kind === 'condition') {
        if (c.branches.filter((b) => b.condition === null).length !== 1)
          say('条件分支须有且只有一个默认分支', 'needs exactly one default branch');
        for (const b of c.branches) {
          if (b.condition && 'groups' in b.condition) {
            const rules = b.condition.groups.flat();
            if (!rules.length) say(`分支“${b.name}”还没有条件`, `branch ${b.name} has no condition`);
            if (rules.some((r) => !r.field || r.value === ''))
              say(`分支“${b.name}”的条件不完整`, `branch ${b.name} has an incomplete condition`);
          }
        }
      }
      if (c.kind === 'condition' || c.kind === 'parallel') for (const b of c.branches) visit(b.cards);
    });
  };
  visit(m.chain);
  return out;
}

/** An empty process: 发起人 → 结束, ready for cards. */
export function emptyModel(processId: string, name: string, lang: 'zh' | 'en' = 'zh'): FlowModel {
  return {
    processId,
    name,
    starters: [],
    definitions: { attrs: [], other: [] },
    chain: [
      { kind: 'start', id: 'start', name: CARD_NAMES.start[lang] },
      { kind: 'end', id: 'end', name: lang === 'zh' ? '结束' : 'End' },
    ],
  };
}

const REJECT_PREFIX = 'result-';

/** The condition the chain goes on by after an approval: the countersign's own rule, else the form's 同意. */
export function approvedFeel(t: TaskCard): string {
  return isCountersign(t)
    ? approvedCondition(t.id, { mode: t.mode, percent: t.percent })
    : `=${DECISION_VARIABLE} = "${APPROVE_VALUE}"`;
}

/**
 * What happens when an 审批人 does not approve (不同意时), as 钉钉审批 offers it: go on (the comment is recorded),
 * end the process (notify the initiator, end at 未通过), return to the initiator (a 修改 task for the initiator with
 * the start form, then the request goes through the approvals again from the first step, as the shipped processes'
 * 退回修改 loops do), or return to an earlier step on the way here (`goto`: the previous approver or one named).
 * Underneath, all but `go` are one 审批结果 card `result-<step>` right after the step with one outcome.
 */
export type OnReject =
  | { kind: 'go' }
  | { kind: 'end' }
  | { kind: 'starter' }
  | { kind: 'goto'; target: string };

/** The 审批结果 card right after a step (timers between are the step's own), whoever made it. */
export function decisionAfter(m: FlowModel, taskId: string): DecisionCard | undefined {
  for (const list of listsOf(m).values()) {
    const i = list.findIndex((c) => c.id === taskId);
    if (i < 0) continue;
    const next = list.slice(i + 1).find((c) => c.kind !== 'timer');
    return next?.kind === 'decision' ? next : undefined;
  }
}

/** The 审批结果 the designer adds for 不同意时 right after the step. */
export function rejectResultOf(m: FlowModel, taskId: string): DecisionCard | undefined {
  const next = decisionAfter(m, taskId);
  return next?.id.startsWith(REJECT_PREFIX) && next.outcomes.length === 1 ? next : undefined;
}

/** The 审批结果 of "不同意时结束" (kept for callers that ask only about ending). */
export function rejectDecisionOf(m: FlowModel, taskId: string): DecisionCard | undefined {
  const d = rejectResultOf(m, taskId);
  return d && 'end' in d.outcomes[0].goesTo ? d : undefined;
}

/** A 修改 step of 退回发起人: a handler card for the initiator. */
const isReviseCard = (c: Card | undefined): c is TaskCard =>
  c?.kind === 'handler' && c.who.kind === 'starter';

/** The step's 不同意时 setting, read from its 审批结果 card (what the reader gives back is what was set). */
export function onRejectOf(m: FlowModel, taskId: string): OnReject {
  const d = rejectResultOf(m, taskId);
  if (!d) return { kind: 'go' };
  const o = d.outcomes[0];
  if ('end' in o.goesTo) return { kind: 'end' };
  if (o.path.length === 1 && isReviseCard(o.path[0])) return { kind: 'starter' };
  if (!o.path.length && o.goesTo.goto) return { kind: 'goto', target: o.goesTo.goto };
  return { kind: 'go' };
}

/** The step whose 不同意时 made the 审批结果 `resultId` (the card above it, past the step's deadlines). */
export function ownerOfResult(m: FlowModel, resultId: string): TaskCard | undefined {
  for (const list of listsOf(m).values()) {
    const i = list.findIndex((c) => c.id === resultId);
    if (i < 0) continue;
    const owner = list
      .slice(0, i)
      .reverse()
      .find((c) => c.kind !== 'timer');
    return (owner?.kind === 'approver' || owner?.kind === 'handler') &&
      rejectResultOf(m, owner.id)?.id === resultId
      ? owner
      : undefined;
  }
}

/** Sets the start form and keeps every 退回发起人 修改 step on it (the starter revises what they submitted). */
export function setStartForm(m: FlowModel, formKey: string | undefined): FlowModel {
  const next = clone(m);
  const start = next.chain[0];
  if (start?.kind !== 'start') return m;
  if (formKey) start.formKey = formKey;
  else delete start.formKey;
  for (const list of listsOf(next).values())
    for (const c of list) {
      if (c.kind !== 'approver' && c.kind !== 'handler') continue;
      const d = rejectResultOf(next, c.id);
      const revise = d?.outcomes[0].path[0];
      if (d && onRejectOf(next, c.id).kind === 'starter' && revise?.kind === 'handler') {
        if (formKey) revise.formKey = formKey;
        else delete revise.formKey;
      }
    }
  for (const list of listsOf(next).values())
    for (const c of list) {
      if (c.kind !== 'timer' || timerAction(c) !== 'starter') continue;
      const revise = c.path[0] as TaskCard;
      if (formKey) revise.formKey = formKey;
      else delete revise.formKey;
    }
  return next;
}

/** Whether a card sits inside a parallel branch: a return from there would leave the other branch's join waiting. */
export function inParallel(m: FlowModel, cardId: string): boolean {
  const visit = (cards: Card[], parallel: boolean): boolean | undefined => {
    for (const c of cards) {
      if (c.id === cardId) return parallel;
      if (c.kind === 'condition' || c.kind === 'parallel')
        for (const b of c.branches) {
          const r = visit(b.cards, parallel || c.kind === 'parallel');
          if (r !== undefined) return r;
        }
    }
  };
  return visit(m.chain, false) ?? false;
}

/**
 * The 审批人/办理人 steps a rejection at `taskId` may return to: those always passed on the way here (earlier in
 * its own list, or earlier in the lists that hold its branch), nearest first. Empty inside a parallel branch.
 */
export function returnTargets(m: FlowModel, taskId: string): TaskCard[] {
  if (inParallel(m, taskId)) return [];
  return stepsBefore(m, taskId).reverse();
}

/**
 * The 审批人/办理人 steps always passed before reaching `cardId` (earlier in its own list, or earlier in the lists
 * that hold its branch), in the order they run; a 退回发起人's 修改 step is not one of them.
 */
export function stepsBefore(m: FlowModel, cardId: string): TaskCard[] {
  const path = (cards: Card[]): TaskCard[] | undefined => {
    const before: TaskCard[] = [];
    for (const c of cards) {
      if (c.id === cardId) return before;
      if (c.kind === 'condition' || c.kind === 'parallel')
        for (const b of c.branches) {
          const inner = path(b.cards);
          if (inner) return [...before, ...inner];
        }
      if ((c.kind === 'approver' || c.kind === 'handler') && !isReviseCard(c)) before.push(c);
    }
  };
  return path(m.chain) ?? [];
}

/**
 * Sets an approver's 不同意时, keeping the 同意 condition in step with its mode. A kind the step cannot have (a
 * return with nowhere to go) leaves the model as it is.
 */
export function setOnReject(m: FlowModel, task: TaskCard, on: OnReject, lang: 'zh' | 'en' = 'zh'): FlowModel {
  const existing = rejectResultOf(m, task.id);
  let next = replaceCard(m, task);
  const targets = returnTargets(next, task.id);
  const firstStep = targets[targets.length - 1]?.id ?? task.id;
  if (on.kind === 'goto' && !targets.some((t) => t.id === on.target)) return next;
  if (on.kind === 'starter' && inParallel(next, task.id)) return next;
  const was = onRejectOf(m, task.id);
  if (existing && JSON.stringify(was) === JSON.stringify(on)) {
    // Only the step changed (its mode): the 同意 condition follows; the revise step follows the start form.
    const at = locate(next, existing.id) as { list: Card[]; index: number };
    at.list[at.index] = { ...existing, next: { ...existing.next, condition: approvedFeel(task) } };
    return next;
  }
  if (existing) {
    const at = locate(next, existing.id) as { list: Card[]; index: number };
    at.list.splice(at.index, 1);
  }
  if (on.kind === 'go') return next;
  const ids = idsOf(next);
  if (existing) for (const id of idsOf({ ...next, chain: [existing] })) ids.add(id);
  const zh = lang === 'zh';
  const outcome = (): Outcome => {
    const flowId = existing?.outcomes[0].flowId ?? uniqueId(ids, `flow-${task.id}-rejected`);
    if (on.kind === 'end') {
      const notify = newCard(next, 'notify', lang) as NotifyCard;
      notify.id = uniqueId(ids, 'notify');
      return {
        flowId,
        name: zh ? '不同意' : 'Not approved',
        path: [
          {
            ...notify,
            name: zh ? '通知未通过' : 'Notify: not approved',
            title: zh ? `${m.name}：${task.name}未通过` : `${m.name}: not approved at ${task.name}`,
            body: zh
              ? `您发起的流程在“${task.name}”未获同意，流程已结束。`
              : `Your request was not approved at ${task.name}.`,
          },
        ],
        goesTo: {
          end: {
            kind: 'end',
            id: uniqueId(ids, `end-${task.id}-rejected`),
            name: zh ? '未通过' : 'Not approved',
          },
        },
      };
    }
    if (on.kind === 'starter') {
      const revise = reviseCard(next, ids, task.id, lang);
      return {
        flowId,
        name: zh ? '退回发起人' : 'Return to initiator',
        path: [revise],
        goesTo: { goto: firstStep },
      };
    }
    const target = targets.find((t) => t.id === on.target) as TaskCard;
    return {
      flowId,
      name: zh ? `退回${target.name}` : `Return to ${target.name}`,
      path: [],
      goesTo: { goto: target.id },
    };
  };
  const decision: DecisionCard = {
    kind: 'decision',
    id: existing?.id ?? uniqueId(ids, `${REJECT_PREFIX}${task.id}`),
    name: existing?.name ?? (zh ? `${task.name}结果` : `${task.name} outcome`),
    next: {
      flowId: existing?.next.flowId ?? uniqueId(ids, `flow-${task.id}-approved`),
      name: zh ? '同意' : 'Approved',
      condition: approvedFeel(task),
    },
    outcomes: [outcome()],
  };
  const at = locate(next, task.id) as { list: Card[]; index: number };
  let j = at.index + 1;
  while (at.list[j]?.kind === 'timer') j++;
  next = structuredClone(next);
  (locate(next, task.id) as { list: Card[] }).list.splice(j, 0, decision);
  return next;
}

/** Turns "不同意时结束流程（通知发起人）" on or off for an approver, keeping the condition in step with its mode. */
export function setRejectEnds(
  m: FlowModel,
  task: TaskCard,
  on: boolean,
  lang: 'zh' | 'en' = 'zh',
): FlowModel {
  return setOnReject(m, task, on ? { kind: 'end' } : { kind: 'go' }, lang);
}
