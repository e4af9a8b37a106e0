/**
 * @module ui/flows/model/read-bpmn: BPMN (zeebe dialect) → the designer's chain of cards. The main path runs from
 * the start event to an end event; an exclusive or parallel split whose branches meet again is a 条件分支/并行分支
 * card; an exclusive gateway after a step whose outcomes do not meet again (退回 loops, 不予通过 ends) is an
 * 审批结果 card with side paths; timer boundaries are 定时/超时 cards after their step. Steps the cards cannot
 * edit are locked cards kept verbatim. A shape outside all of this is reported (`ok: false`) so the page opens
 * 高级模式 with a note naming it, instead of guessing.
 */
import { type CountersignMode, readCountersign } from '../../pages/modeler/templates/countersign';
import { feelToCondition } from './conditions';
import { attr, elements, local, parseXml, textOf, type XNode, writeXml } from './xml';
import type {
  Branch,
  Card,
  DecisionCard,
  FieldAccess,
  FlowModel,
  Keep,
  NotifyCard,
  PathEnd,
  ReadResult,
  TaskCard,
  TimerCard,
  Unsupported,
  Who,
} from './types';

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const ZEEBE_NS = 'http://camunda.org/schema/zeebe/1.0';

const FLOW_NODES = new Set([
  'startEvent',
  'endEvent',
  'userTask',
  'serviceTask',
  'scriptTask',
  'task',
  'manualTask',
  'receiveTask',
  'sendTask',
  'businessRuleTask',
  'callActivity',
  'subProcess',
  'adHocSubProcess',
  'transaction',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
]);
/** Single-entry, single-exit steps a locked card can carry through unchanged. */
const LOCKABLE = new Set([
  'serviceTask',
  'scriptTask',
  'task',
  'manualTask',
  'receiveTask',
  'callActivity',
  'subProcess',
  'intermediateCatchEvent',
  'businessRuleTask',
  'sendTask',
]);

/** `=workday(now(), 5)` */
export const WORKDAY_RE = /^=\s*workday\(\s*now\(\)\s*,\s*(\d+)\s*\)\s*$/;
/** The shipped reminder cycle: from the day after the deadline, 09:00, every day. */
export const REMIND_CYCLE_RE =
  /^=\s*"R\/"\s*\+\s*string\(\s*workday\(\s*now\(\)\s*,\s*(\d+)\s*\)\s*\+\s*duration\(\s*"PT9H1S"\s*\)\s*\)\s*\+\s*"\/P1D"\s*$/;

interface Flow {
  id: string;
  source: string;
  target: string;
  name?: string;
  condition?: string;
}

class Reader {
  b = 'bpmn:';
  z = 'zeebe:';
  els = new Map<string, XNode>();
  flows = new Map<string, Flow>();
  out = new Map<string, string[]>();
  inc = new Map<string, string[]>();
  boundaries = new Map<string, XNode[]>();
  placed = new Set<string>();
  problems: Unsupported[] = [];
  deferred: (() => void)[] = [];

  problem(elementId: string | undefined, zh: string, en: string) {
    this.problems.push({ elementId, zh, en });
  }
  kind = (id: string) => local(this.els.get(id)?.name ?? '');
  isB = (n: XNode, name: string) => n.name === this.b + name;
  isZ = (n: XNode, name: string) => n.name === this.z + name;
  label(id: string) {
    const n = this.els.get(id);
    const name = n ? attr(n, 'name') : undefined;
    return name ? `“${name}”(${id})` : id;
  }
  target = (flowId: string) => this.flows.get(flowId)?.target ?? '';
  outs = (id: string) => this.out.get(id) ?? [];

  /** Flows that go back to a step already on the way from the start (退回 loops), found once by a depth-first walk. */
  backFlows?: Set<string>;
  loops(): Set<string> {
    if (this.backFlows) return this.backFlows;
    const back = new Set<string>();
    const state = new Map<string, 'open' | 'done'>();
    const start = [...this.els.values()].find((e) => this.isB(e, 'startEvent'));
    const succ = (id: string): [string, string | undefined][] => [
      ...this.outs(id).map((f): [string, string] => [this.target(f), f]),
      ...(this.boundaries.get(id) ?? []).map((b): [string, undefined] => [attr(b, 'id') ?? '', undefined]),
    ];
    // Iterative, so that a long chain cannot overflow the stack.
    const stack: { id: string; next: [string, string | undefined][] }[] = [];
    const enter = (id: string) => {
      state.set(id, 'open');
      stack.push({ id, next: succ(id) });
    };
    const first = start ? attr(start, 'id') : undefined;
    if (first) enter(first);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const step = top.next.shift();
      if (!step) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const [to, flow] = step;
      if (!to) continue;
      if (state.get(to) === 'open') {
        if (flow) back.add(flow);
      } else if (!state.has(to)) enter(to);
    }
    this.backFlows = back;
    return back;
  }

  /** Nodes reachable from `from` (with distances), never entering `avoid`; `forward`: never by a 退回 loop. */
  reach(from: string, avoid: string, forward = false): Map<string, number> {
    const dist = new Map<string, number>([[from, 0]]);
    const queue = [from];
    const loops = forward ? this.loops() : undefined;
    while (queue.length) {
      const cur = queue.shift() as string;
      const next = [
        ...this.outs(cur)
          .filter((f) => !loops?.has(f))
          .map(this.target),
        ...(this.boundaries.get(cur) ?? []).map((b) => attr(b, 'id') ?? ''),
      ];
      for (const n of next) {
        if (n === avoid || dist.has(n) || !n) continue;
        dist.set(n, (dist.get(cur) ?? 0) + 1);
        queue.push(n);
      }
    }
    return dist;
  }

  /**
   * The gateway where all branches of `split` meet again (same kind), nearest first; none for a decision. Loops
   * back are not followed: a 退回 from inside a branch to a step before the split would otherwise reach every
   * later gateway through the split's other branches, and an 审批结果 would pass for a split with a join.
   */
  findJoin(split: string): string | undefined {
    const kind = this.kind(split);
    const loops = this.loops();
    const reaches = this.outs(split).map((f) =>
      loops.has(f) ? new Map<string, number>() : this.reach(this.target(f), split, true),
    );
    let best: string | undefined;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const [id] of reaches[0]) {
      if (this.kind(id) !== kind || !reaches.every((r) => r.has(id))) continue;
      const d = reaches.reduce((s, r) => s + (r.get(id) ?? 0), 0);
      if (d < bestDist) [best, bestDist] = [id, d];
    }
    return best;
  }

  /** The outcome the chain goes on by: the conditioned flow leading to the most of the diagram, else the default. */
  chooseNext(gw: string): string {
    const def = attr(this.els.get(gw) as XNode, 'default');
    const outs = this.outs(gw);
    const candidates = outs.filter((f) => f !== def);
    let best = candidates[0] ?? outs[0];
    let size = -1;
    for (const f of candidates) {
      const s = this.reach(this.target(f), gw).size;
      if (s > size) [best, size] = [f, s];
    }
    return best;
  }

  /** Splits an element into the parts a card reads and the rest it keeps. */
  split(n: XNode, knownAttrs: string[]): { keep: Keep; ext: XNode[]; post: XNode[] } {
    const keep: Keep = {};
    const attrs = n.attrs.filter(([k]) => !knownAttrs.includes(k));
    if (attrs.length) keep.attrs = attrs;
    const pre: string[] = [];
    const ext: XNode[] = [];
    const post: XNode[] = [];
    for (const c of elements(n)) {
      if (this.isB(c, 'documentation')) pre.push(writeXml(c));
      else if (this.isB(c, 'extensionElements')) ext.push(...elements(c));
      else if (this.isB(c, 'incoming') || this.isB(c, 'outgoing')) continue;
      else post.push(c);
    }
    if (pre.length) keep.pre = pre;
    return { keep, ext, post };
  }

  /** zeebe:properties entries: ours (huiliu:*) read, the others kept as one zeebe:properties. */
  properties(ext: XNode[], keepExt: string[]): Map<string, string> {
    const props = new Map<string, string>();
    for (const e of ext.filter((x) => this.isZ(x, 'properties'))) {
      const others = elements(e).filter((p) => {
        const name = attr(p, 'name') ?? '';
        if (!name.startsWith('huiliu:') || p.attrs.length !== 2) return true;
        props.set(name, attr(p, 'value') ?? '');
        return false;
      });
      if (others.length) keepExt.push(writeXml({ ...e, children: others }));
    }
    return props;
  }

  finishKeep(keep: Keep, keepExt: string[], post: XNode[]): Keep | undefined {
    if (keepExt.length) keep.ext = keepExt;
    if (post.length) keep.post = post.map((p) => writeXml(p));
    return Object.keys(keep).length ? keep : undefined;
  }

  readTask(n: XNode): TaskCard {
    const id = attr(n, 'id') as string;
    const { keep, ext, post } = this.split(n, ['id', 'name']);
    const keepExt: string[] = [];
    const a: Record<string, string | undefined> = {};
    let formKey: string | undefined;
    let due: TaskCard['due'];
    const headers: [string, string][] = [];
    let fieldAccess: Record<string, FieldAccess> | undefined;
    for (const e of ext) {
      if (this.isZ(e, 'userTask') && !e.attrs.length && !e.children.length) continue;
      if (this.isZ(e, 'formDefinition') && e.attrs.length === 1 && attr(e, 'formId'))
        formKey = attr(e, 'formId');
      else if (this.isZ(e, 'assignmentDefinition') && !e.children.length) {
        for (const [k, v] of e.attrs) a[k] = v;
      } else if (this.isZ(e, 'taskSchedule') && e.attrs.length === 1 && attr(e, 'dueDate')) {
        const d = attr(e, 'dueDate') as string;
        const m = WORKDAY_RE.exec(d);
        due = m ? { workdays: Number(m[1]) } : { raw: d };
      } else if (this.isZ(e, 'taskHeaders')) {
        for (const h of elements(e)) {
          const k = attr(h, 'key') ?? '';
          const v = attr(h, 'value') ?? '';
          if (k === 'fieldAccess') {
            try {
              fieldAccess = JSON.parse(v);
            } catch {
              headers.push([k, v]);
            }
          } else headers.push([k, v]);
        }
      } else if (!this.isZ(e, 'properties')) keepExt.push(writeXml(e));
    }
    const props = this.properties(ext, keepExt);
    // Multi-instance: one of our countersign rules, or kept as written with the assignment raw.
    let mode: CountersignMode = 'any';
    let percent: number | undefined;
    let who: Who | undefined;
    const loop = post.find((p) => this.isB(p, 'multiInstanceLoopCharacteristics'));
    const rest = post.filter((p) => p !== loop);
    if (loop) {
      const lc = elements(loop).flatMap((c) => (this.isB(c, 'extensionElements') ? elements(c) : []));
      const z = lc.find((c) => this.isZ(c, 'loopCharacteristics'));
      const cond = elements(loop).find((c) => this.isB(c, 'completionCondition'));
      const rule =
        z && elements(loop).length <= 2 && loop.attrs.every(([k]) => k === 'isSequential')
          ? readCountersign({
              isSequential: attr(loop, 'isSequential') === 'true',
              inputCollection: attr(z, 'inputCollection'),
              inputElement: attr(z, 'inputElement'),
              outputCollection: attr(z, 'outputCollection'),
              outputElement: attr(z, 'outputElement'),
              completionCondition: cond ? textOf(cond) : undefined,
            })
          : null;
      const list = rule ? /^=\s*\[(.*)\]\s*$/.exec(rule.approvers) : null;
      const users = list
        ? list[1]
            .split(',')
            .map((s) => s.trim().replace(/^"|"$/g, ''))
            .filter(Boolean)
        : null;
      const field = rule && /^=\s*([A-Za-z_][\w.]*)\s*$/.exec(rule.approvers);
      if (rule && a.assignee === '=approver' && !a.candidateGroups && !a.candidateUsers && (users || field)) {
        mode = rule.mode;
        percent = rule.percent;
        who = users ? { kind: 'users', users } : { kind: 'field', field: (field as RegExpExecArray)[1] };
      } else rest.unshift(loop);
    }
    who ??= readWho(a, !!loop && !who);
    const outs = this.outs(id);
    const inferred =
      outs.length === 1 && this.kind(this.target(outs[0])) === 'exclusiveGateway' ? 'approver' : 'handler';
    const card: TaskCard = {
      kind:
        props.get('huiliu:card') === 'handler'
          ? 'handler'
          : props.get('huiliu:card') === 'approver'
            ? 'approver'
            : inferred,
      id,
      name: attr(n, 'name') ?? '',
      who,
      mode,
    };
    if (percent !== undefined) card.percent = percent;
    if (formKey) card.formKey = formKey;
    if (fieldAccess) card.fieldAccess = fieldAccess;
    if (due) card.due = due;
    if (headers.length) card.headers = headers;
    const k = this.finishKeep(keep, keepExt, rest);
    if (k) card.keep = k;
    return card;
  }

  readNotify(n: XNode): NotifyCard | undefined {
    const { keep, ext, post } = this.split(n, ['id', 'name']);
    const def = ext.find((e) => this.isZ(e, 'taskDefinition'));
    if (!def || attr(def, 'type') !== 'notify' || def.attrs.some(([k]) => k !== 'type' && k !== 'retries'))
      return;
    const keepExt: string[] = [];
    const h: [string, string][] = [];
    for (const e of ext) {
      if (e === def) continue;
      if (this.isZ(e, 'taskHeaders'))
        h.push(...elements(e).map((x) => [attr(x, 'key') ?? '', attr(x, 'value') ?? ''] as [string, string]));
      else if (!this.isZ(e, 'properties')) keepExt.push(writeXml(e));
    }
    const props = this.properties(ext, keepExt);
    const get = (k: string) => h.find(([x]) => x === k)?.[1];
    const card: NotifyCard = {
      kind: props.get('huiliu:card') === 'cc' ? 'cc' : 'notify',
      id: attr(n, 'id') as string,
      name: attr(n, 'name') ?? '',
      to: (get('to') ?? 'initiator')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      title: get('title') ?? '',
      body: get('body') ?? '',
    };
    const link = get('link');
    if (link !== undefined) card.link = link;
    const others = h.filter(([k]) => !['to', 'title', 'body', 'link'].includes(k));
    if (others.length) card.headers = others;
    const retries = attr(def, 'retries');
    if (retries) card.retries = retries;
    const k = this.finishKeep(keep, keepExt, post);
    if (k) card.keep = k;
    return card;
  }

  /** A card for one single-entry step, then its timer cards (whose paths are walked later). */
  cardsFor(id: string, chain: Card[]): boolean {
    const n = this.els.get(id) as XNode;
    const kind = local(n.name);
    if (kind === 'userTask') chain.push(this.readTask(n));
    else {
      const notify = kind === 'serviceTask' ? this.readNotify(n) : undefined;
      if (notify) chain.push(notify);
      else if (LOCKABLE.has(kind)) {
        const xml = writeXml({
          ...n,
          children: n.children.filter(
            (c) => typeof c === 'string' || !(this.isB(c, 'incoming') || this.isB(c, 'outgoing')),
          ),
        });
        chain.push({ kind: 'locked', id, name: attr(n, 'name') ?? '', element: kind, xml });
      } else {
        this.problem(id, `卡片无法表示 ${this.label(id)}（${kind}）`, `cards cannot show ${id} (${kind})`);
        return false;
      }
    }
    for (const b of this.boundaries.get(id) ?? []) {
      const timer = this.readTimer(b);
      if (timer) chain.push(timer);
    }
    return true;
  }

  readTimer(b: XNode): TimerCard | undefined {
    const id = attr(b, 'id') as string;
    this.placed.add(id);
    const { keep, ext, post } = this.split(b, ['id', 'name', 'cancelActivity', 'attachedToRef']);
    const def = post.find((p) => this.isB(p, 'timerEventDefinition'));
    if (!def || post.length !== 1) {
      this.problem(
        id,
        `卡片只支持定时边界事件，${this.label(id)} 不是`,
        `only timer boundary events fit cards: ${id}`,
      );
      return;
    }
    const interrupting = attr(b, 'cancelActivity') !== 'false';
    const spec = elements(def)[0];
    const text = spec ? textOf(spec).trim() : '';
    const cycle = spec && this.isB(spec, 'timeCycle') ? REMIND_CYCLE_RE.exec(text) : null;
    const date = spec && this.isB(spec, 'timeDate') ? WORKDAY_RE.exec(text) : null;
    const plain = elements(def).length === 1 && def.attrs.every(([k]) => k === 'id');
    const when: TimerCard['when'] =
      plain && cycle && !interrupting
        ? { workdays: Number(cycle[1]), daily: true }
        : plain && date
          ? { workdays: Number(date[1]), daily: false }
          : { raw: writeXml(def) };
    const card: TimerCard = {
      kind: 'timer',
      id,
      name: attr(b, 'name') ?? '',
      interrupting,
      when,
      path: [],
      goesTo: { goto: '' },
    };
    if (!('raw' in when) && attr(def, 'id')) card.timerId = attr(def, 'id');
    const keepExt = ext.map((e) => writeXml(e));
    const k = this.finishKeep(keep, keepExt, []);
    if (k) card.keep = k;
    const outs = this.outs(id);
    if (outs.length !== 1) {
      this.problem(id, `${this.label(id)} 须恰有一条出线`, `${id} needs exactly one outgoing flow`);
      return card;
    }
    card.flowIn = outs[0];
    this.deferred.push(() => {
      const side = this.walk(this.target(outs[0]), undefined, true);
      card.path = side.cards;
      card.goesTo = side.goesTo ?? { goto: '' };
    });
    return card;
  }

  /** Walks from `from` until `stop` (a join), an end event, or (on a side path) a card already placed. */
  walk(
    from: string,
    stop: string | undefined,
    side: boolean,
    viaFlow?: string,
  ): { cards: Card[]; goesTo?: PathEnd; lastFlow?: string } {
    const cards: Card[] = [];
    let cur = from;
    let via = viaFlow;
    for (;;) {
      if (cur === stop) return { cards, lastFlow: via };
      if (this.placed.has(cur)) {
        if (!side) {
          this.problem(
            cur,
            `${this.label(cur)} 处的分支没有在汇合处汇合`,
            `branches at ${cur} do not meet at their join`,
          );
          return { cards };
        }
        return { cards, goesTo: { goto: cur } };
      }
      const n = this.els.get(cur);
      if (!n) {
        this.problem(cur, `连线指向不存在的元素 ${cur}`, `a flow points to missing ${cur}`);
        return { cards };
      }
      this.placed.add(cur);
      const kind = local(n.name);
      const outs = this.outs(cur);
      const first = cards.length;
      const viaHere = via;
      if (kind === 'endEvent') {
        const { keep, ext, post } = this.split(n, ['id', 'name']);
        const end: Card = { kind: 'end', id: cur, name: attr(n, 'name') ?? '' };
        const k = this.finishKeep(
          keep,
          ext.map((e) => writeXml(e)),
          post,
        );
        if (k) end.keep = k;
        if (viaHere) end.flowIn = viaHere;
        if (stop !== undefined) {
          this.problem(
            cur,
            `分支在汇合前结束于 ${this.label(cur)}`,
            `a branch ends at ${cur} before its join`,
          );
          return { cards };
        }
        if (side) return { cards, goesTo: { end } };
        cards.push(end);
        return { cards };
      }
      if ((kind === 'exclusiveGateway' || kind === 'parallelGateway') && outs.length > 1) {
        const join = this.findJoin(cur);
        if (join) {
          const joinEl = this.els.get(join) as XNode;
          this.placed.add(join);
          // Gateways keep their documentation, unknown attributes and extension entries too.
          const parts = this.split(n, ['id', 'name', 'default']);
          const keep = this.finishKeep(
            parts.keep,
            parts.ext.map((e) => writeXml(e)),
            parts.post,
          );
          const def = attr(n, 'default');
          const branches: Branch[] = outs.map((f) => {
            const flow = this.flows.get(f) as Flow;
            const w = this.walk(flow.target, join, false, f);
            const br: Branch = {
              flowId: f,
              name: flow.name ?? '',
              condition:
                kind === 'parallelGateway' || f === def ? null : feelToCondition(flow.condition ?? '=true'),
              cards: w.cards,
            };
            if (w.lastFlow && w.lastFlow !== f) br.flowOut = w.lastFlow;
            return br;
          });
          const joinSplit = this.split(joinEl, ['id', 'name']);
          const joinKeep = this.finishKeep(
            joinSplit.keep,
            joinSplit.ext.map((e) => writeXml(e)),
            joinSplit.post,
          );
          cards.push({
            kind: kind === 'parallelGateway' ? 'parallel' : 'condition',
            id: cur,
            name: attr(n, 'name') ?? '',
            joinId: join,
            ...(attr(joinEl, 'name') ? { joinName: attr(joinEl, 'name') } : {}),
            ...(joinKeep ? { joinKeep } : {}),
            ...(keep ? { keep } : {}),
            branches,
          });
          const jo = this.outs(join);
          if (jo.length !== 1) {
            this.problem(
              join,
              `汇合网关 ${this.label(join)} 须恰有一条出线`,
              `join ${join} needs one outgoing flow`,
            );
            return { cards };
          }
          via = jo[0];
          cur = this.target(jo[0]);
        } else if (kind === 'exclusiveGateway') {
          const nextFlow = this.chooseNext(cur);
          const def = attr(n, 'default');
          // Gateways keep their documentation, unknown attributes and extension entries too.
          const parts = this.split(n, ['id', 'name', 'default']);
          const keep = this.finishKeep(
            parts.keep,
            parts.ext.map((e) => writeXml(e)),
            parts.post,
          );
          const nf = this.flows.get(nextFlow) as Flow;
          const card: DecisionCard = {
            kind: 'decision',
            id: cur,
            name: attr(n, 'name') ?? '',
            next: {
              flowId: nextFlow,
              name: nf.name ?? '',
              ...(nextFlow !== def && nf.condition ? { condition: nf.condition } : {}),
            },
            outcomes: [],
          };
          if (nextFlow === def) card.nextIsDefault = true;
          if (keep) card.keep = keep;
          cards.push(card);
          for (const f of outs.filter((x) => x !== nextFlow)) {
            const flow = this.flows.get(f) as Flow;
            this.deferred.push(() => {
              const w = this.walk(flow.target, undefined, true);
              card.outcomes.push({
                flowId: f,
                name: flow.name ?? '',
                ...(f !== def && flow.condition ? { condition: flow.condition } : {}),
                path: w.cards,
                goesTo: w.goesTo ?? { goto: '' },
              });
              card.outcomes.sort((x, y) => outs.indexOf(x.flowId) - outs.indexOf(y.flowId));
            });
          }
          via = nextFlow;
          cur = nf.target;
        } else {
          this.problem(cur, `${this.label(cur)} 的并行分支没有汇合`, `parallel split ${cur} has no join`);
          return { cards };
        }
      } else if (kind === 'startEvent') {
        const { keep, ext, post } = this.split(n, ['id', 'name']);
        const keepExt: string[] = [];
        let formKey: string | undefined;
        for (const e of ext) {
          if (this.isZ(e, 'formDefinition') && e.attrs.length === 1 && attr(e, 'formId'))
            formKey = attr(e, 'formId');
          else keepExt.push(writeXml(e));
        }
        const start: Card = {
          kind: 'start',
          id: cur,
          name: attr(n, 'name') ?? '',
          ...(formKey ? { formKey } : {}),
        };
        const k = this.finishKeep(keep, keepExt, post);
        if (k) start.keep = k;
        cards.push(start);
        if (outs.length !== 1) {
          this.problem(cur, `${this.label(cur)} 须恰有一条出线`, `${cur} needs exactly one outgoing flow`);
          return { cards };
        }
        via = outs[0];
        cur = this.target(outs[0]);
      } else {
        if (!this.cardsFor(cur, cards)) return { cards };
        if (outs.length !== 1) {
          this.problem(
            cur,
            `${this.label(cur)} 须恰有一条出线（卡片是一条链）`,
            `${cur} needs exactly one outgoing flow`,
          );
          return { cards };
        }
        via = outs[0];
        cur = this.target(outs[0]);
      }
      if (viaHere && cards[first] && cards[first].flowIn === undefined) cards[first].flowIn = viaHere;
    }
  }
}

/** Assignment attributes → a picker, or raw when the pickers cannot show them. */
export function readWho(a: Record<string, string | undefined>, multiRaw: boolean): Who {
  const keys = Object.keys(a).filter((k) => a[k] !== undefined && a[k] !== '');
  const only = (k: string) => keys.length === 1 && keys[0] === k;
  const raw = (): Who => ({
    kind: 'raw',
    ...(a as { assignee?: string; candidateGroups?: string; candidateUsers?: string }),
  });
  if (multiRaw) return raw();
  if (only('assignee')) {
    const v = a.assignee as string;
    if (v === '=initiator') return { kind: 'starter' };
    const f = /^=\s*([A-Za-z_][\w.]*)\s*$/.exec(v);
    if (f) return { kind: 'field', field: f[1] };
    if (!v.startsWith('=') && !v.includes(',')) return { kind: 'users', users: [v.trim()] };
  }
  if (only('candidateUsers') && !a.candidateUsers?.startsWith('=')) {
    return {
      kind: 'users',
      users: (a.candidateUsers as string)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  }
  if (only('candidateGroups') && !a.candidateGroups?.startsWith('=') && !a.candidateGroups?.includes(',')) {
    const g = (a.candidateGroups as string).trim();
    if (g === 'unit.leader') return { kind: 'starterLeader' };
    const at = g.indexOf('@');
    return at < 0
      ? { kind: 'role', role: g }
      : { kind: 'role', role: g.slice(0, at), unitId: g.slice(at + 1) };
  }
  return raw();
}

/** The element a card is entered by (a task's id, a split gateway's id, ...). */
export const entryOf = (c: Card) => c.id;

/**
 * Where 自动通过 goes from the timer card at `i`: the entry of the next card that is neither a timer nor the step's
 * 审批结果, or `after` (a branch's join) at the end of a branch.
 */
export function nextEntry(chain: Card[], i: number, after?: string): string | undefined {
  for (let j = i + 1; j < chain.length; j++) {
    const c = chain[j];
    if (c.kind !== 'timer' && c.kind !== 'decision') return entryOf(c);
  }
  return after;
}

function resolveNext(chain: Card[], after?: string) {
  chain.forEach((c, i) => {
    if (
      c.kind === 'timer' &&
      'goto' in c.goesTo &&
      !c.path.length &&
      c.goesTo.goto === nextEntry(chain, i, after)
    ) {
      c.goesTo = { next: true };
    }
    if (c.kind === 'condition' || c.kind === 'parallel')
      for (const b of c.branches) resolveNext(b.cards, c.joinId);
  });
}

/** BPMN XML → the designer's model, or the reasons cards cannot show it (the page then opens 高级模式). */
export function readBpmn(xml: string): ReadResult {
  let root: XNode;
  try {
    root = parseXml(xml);
  } catch (err) {
    return {
      ok: false,
      unsupported: [{ zh: (err as Error).message, en: 'the file is not well-formed XML' }],
    };
  }
  const r = new Reader();
  const prefixOf = (uri: string) => {
    const d = root.attrs.find(([k, v]) => v === uri && (k === 'xmlns' || k.startsWith('xmlns:')));
    return d ? (d[0] === 'xmlns' ? '' : `${d[0].slice(6)}:`) : undefined;
  };
  r.b = prefixOf(BPMN_NS) ?? 'bpmn:';
  r.z = prefixOf(ZEEBE_NS) ?? 'zeebe:';
  if (root.name !== `${r.b}definitions`) {
    return {
      ok: false,
      unsupported: [{ zh: '不是 BPMN 文件（根元素不是 definitions）', en: 'not a BPMN file' }],
    };
  }
  const procs = elements(root).filter((e) => r.isB(e, 'process'));
  const others = elements(root).filter((e) => !r.isB(e, 'process') && !e.name.endsWith('BPMNDiagram'));
  if (procs.length !== 1 || others.some((e) => r.isB(e, 'collaboration'))) {
    return {
      ok: false,
      unsupported: [
        {
          zh: '简易设计器只支持单个流程（不含泳池/协作图）',
          en: 'the designer shows one process, without pools',
        },
      ],
    };
  }
  const proc = procs[0];
  const procRest: XNode[] = [];
  for (const e of elements(proc)) {
    const kind = local(e.name);
    const id = attr(e, 'id') ?? '';
    if (r.isB(e, 'sequenceFlow')) {
      const cond = elements(e).find((c) => r.isB(c, 'conditionExpression'));
      const f: Flow = { id, source: attr(e, 'sourceRef') ?? '', target: attr(e, 'targetRef') ?? '' };
      if (attr(e, 'name')) f.name = attr(e, 'name');
      if (cond) f.condition = textOf(cond).trim();
      r.flows.set(id, f);
      r.out.set(f.source, [...(r.out.get(f.source) ?? []), id]);
      r.inc.set(f.target, [...(r.inc.get(f.target) ?? []), id]);
    } else if (e.name === r.b + kind && FLOW_NODES.has(kind)) {
      r.els.set(id, e);
      if (kind === 'boundaryEvent') {
        const host = attr(e, 'attachedToRef') ?? '';
        r.boundaries.set(host, [...(r.boundaries.get(host) ?? []), e]);
      }
    } else procRest.push(e);
  }
  const starts = [...r.els.values()].filter((e) => r.isB(e, 'startEvent'));
  if (starts.length !== 1) {
    return {
      ok: false,
      unsupported: [
        { zh: '简易设计器需要恰好一个开始事件', en: 'the designer needs exactly one start event' },
      ],
    };
  }
  const { keep, ext } = r.split(
    { ...proc, children: procRest.filter((e) => r.isB(e, 'documentation') || r.isB(e, 'extensionElements')) },
    ['id', 'name', 'isExecutable'],
  );
  const keepExt: string[] = [];
  const props = r.properties(ext, keepExt);
  for (const e of ext) if (!r.isZ(e, 'properties')) keepExt.push(writeXml(e));
  const procKeep = r.finishKeep(
    keep,
    keepExt,
    procRest.filter((e) => !r.isB(e, 'documentation') && !r.isB(e, 'extensionElements')),
  );
  const main = r.walk(attr(starts[0], 'id') as string, undefined, false);
  while (r.deferred.length) (r.deferred.shift() as () => void)();
  // Elements after a shape the cards cannot show were never reached: only say so when nothing else was found.
  for (const id of r.problems.length ? [] : r.els.keys()) {
    if (!r.placed.has(id))
      r.problem(
        id,
        `${r.label(id)} 不在从开始事件出发的任何路径上`,
        `${id} is not on any path from the start`,
      );
  }
  if (r.problems.length) return { ok: false, unsupported: r.problems };
  resolveNext(main.cards);
  const model: FlowModel = {
    processId: attr(proc, 'id') ?? 'process',
    name: attr(proc, 'name') ?? '',
    starters: (props.get('huiliu:starters') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    definitions: {
      attrs: root.attrs,
      other: others.map((e) => writeXml(e)),
    },
    chain: main.cards,
  };
  if (procKeep) model.keep = procKeep;
  if (attr(proc, 'isExecutable') === 'false')
    model.keep = { ...model.keep, attrs: [...(model.keep?.attrs ?? []), ['isExecutable', 'false']] };
  return { ok: true, model };
}
