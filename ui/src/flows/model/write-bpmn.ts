/**
 * @module ui/flows/model/write-bpmn: the designer's model → zeebe-dialect BPMN with laid-out diagram interchange.
 * Element ids come from the cards (so a new version diffs against the old one by id); what a card keeps is
 * written back where it was (documentation first, unknown extension entries inside extensionElements, event
 * definitions after incoming/outgoing). Approval modes compile through the one countersign rule
 * (pages/modeler/templates/countersign.ts).
 */
import { compileCountersign, loopXml } from '../../pages/modeler/templates/countersign';
import { conditionToFeel } from './conditions';
import { Layout } from './layout';
import { BPMN_NS, nextEntry, ZEEBE_NS } from './read-bpmn';
import type { Card, FlowModel, Keep, PathEnd, TaskCard, Who } from './types';
import { elements, escapeAttr, escapeText, local, parseXml, writeXml } from './xml';

interface El {
  qname: string;
  id: string;
  attrs: [string, string][];
  pre: string[];
  ext: string[];
  post: string[];
}
interface Flow {
  id: string;
  source: string;
  target: string;
  name?: string;
  condition?: string;
}
interface Pending {
  source: string;
  flowId?: string;
  name?: string;
  condition?: string;
}

const NS: [string, string][] = [
  ['xmlns:bpmn', BPMN_NS],
  ['xmlns:bpmndi', 'http://www.omg.org/spec/BPMN/20100524/DI'],
  ['xmlns:dc', 'http://www.omg.org/spec/DD/20100524/DC'],
  ['xmlns:di', 'http://www.omg.org/spec/DD/20100524/DI'],
  ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
  ['xmlns:zeebe', ZEEBE_NS],
];

const a = (k: string, v: string) => ` ${k}="${escapeAttr(v)}"`;
const prop = (name: string, value: string) =>
  `<zeebe:properties>\n  <zeebe:property${a('name', name)}${a('value', value)} />\n</zeebe:properties>`;

/** The zeebe:assignmentDefinition attributes for a picker (multi-instance steps get `=approver` instead). */
export function whoAttrs(who: Who): [string, string][] {
  switch (who.kind) {
    case 'starter':
      return [['assignee', '=initiator']];
    case 'starterLeader':
      return [['candidateGroups', 'unit.leader']];
    case 'field':
      return [['assignee', `=${who.field}`]];
    case 'users':
      return who.users.length === 1
        ? [['assignee', who.users[0]]]
        : [['candidateUsers', who.users.join(',')]];
    case 'role':
      return [['candidateGroups', who.unitId ? `${who.role}@${who.unitId}` : who.role]];
    case 'raw':
      return (['assignee', 'candidateGroups', 'candidateUsers'] as const).flatMap((k) =>
        who[k] ? [[k, who[k] as string] as [string, string]] : [],
      );
  }
}

/** Whether a step compiles to multi-instance: a list of signers (users or a list field) and a mode other than 或签 by one. */
export function isCountersign(c: TaskCard): boolean {
  if (c.mode === 'any') return false;
  return (c.who.kind === 'users' && c.who.users.length > 0) || c.who.kind === 'field';
}

class Writer {
  els: El[] = [];
  flows: Flow[] = [];
  used = new Set<string>();
  layout = new Layout();
  ends = new Map<string, Card>();
  /** A decision's `next` flow is written before its outcomes, so reading picks the same way on a tie. */
  firsts = new Set<string>();

  orderedFlows(): Flow[] {
    const out = [...this.flows];
    for (const f of this.flows.filter((x) => this.firsts.has(x.id))) {
      out.splice(out.indexOf(f), 1);
      out.splice(
        out.findIndex((x) => x.source === f.source),
        0,
        f,
      );
    }
    return out;
  }

  uid(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }

  flow(p: Pending, target: string, fallbackId?: string) {
    const want = p.flowId ?? fallbackId;
    const id = want && !this.used.has(want) ? want : this.uid(`flow-${p.source}-${target}`);
    this.used.add(id);
    this.flows.push({
      id,
      source: p.source,
      target,
      ...(p.name ? { name: p.name } : {}),
      ...(p.condition ? { condition: p.condition } : {}),
    });
  }

  el(
    local: string,
    id: string,
    attrs: [string, string][],
    keep: Keep | undefined,
    ext: string[],
    post: string[] = [],
  ) {
    this.used.add(id);
    this.els.push({
      qname: `bpmn:${local}`,
      id,
      attrs: [['id', id], ...attrs.filter(([, v]) => v !== ''), ...(keep?.attrs ?? [])],
      pre: keep?.pre ?? [],
      ext: [...ext, ...(keep?.ext ?? [])],
      post: [...post, ...(keep?.post ?? [])],
    });
  }

  task(c: TaskCard) {
    const ext = ['<zeebe:userTask />'];
    if (c.formKey) ext.push(`<zeebe:formDefinition${a('formId', c.formKey)} />`);
    const multi = isCountersign(c);
    const post: string[] = [];
    if (multi) {
      const approvers =
        c.who.kind === 'users'
          ? `=[${c.who.users.map((u) => JSON.stringify(u)).join(', ')}]`
          : `=${(c.who as { field: string }).field}`;
      const s = compileCountersign(c.id, {
        mode: c.mode,
        approvers,
        ...(c.percent !== undefined ? { percent: c.percent } : {}),
      });
      ext.push(`<zeebe:assignmentDefinition${a('assignee', s.assignee)} />`);
      post.push(loopXml(s, '').trim());
    } else {
      const wa = whoAttrs(c.who);
      if (wa.length) ext.push(`<zeebe:assignmentDefinition${wa.map(([k, v]) => a(k, v)).join('')} />`);
    }
    if (c.due)
      ext.push(
        `<zeebe:taskSchedule${a('dueDate', 'raw' in c.due ? c.due.raw : `=workday(now(), ${c.due.workdays})`)} />`,
      );
    const headers: [string, string][] = [
      ...(c.fieldAccess && Object.keys(c.fieldAccess).length
        ? [['fieldAccess', JSON.stringify(c.fieldAccess)] as [string, string]]
        : []),
      ...(c.headers ?? []),
    ];
    if (headers.length)
      ext.push(
        `<zeebe:taskHeaders>\n${headers.map(([k, v]) => `  <zeebe:header${a('key', k)}${a('value', v)} />`).join('\n')}\n</zeebe:taskHeaders>`,
      );
    ext.push(prop('huiliu:card', c.kind));
    this.el('userTask', c.id, [['name', c.name]], c.keep, ext, post);
  }

  card(c: Card) {
    switch (c.kind) {
      case 'start':
        this.el(
          'startEvent',
          c.id,
          [['name', c.name]],
          c.keep,
          c.formKey ? [`<zeebe:formDefinition${a('formId', c.formKey)} />`] : [],
        );
        return;
      case 'end':
        this.el('endEvent', c.id, [['name', c.name]], c.keep, []);
        return;
      case 'approver':
      case 'handler':
        this.task(c);
        return;
      case 'cc':
      case 'notify': {
        const headers: [string, string][] = [
          ['to', c.to.join(',')],
          ['title', c.title],
          ['body', c.body],
          ...(c.link !== undefined ? [['link', c.link] as [string, string]] : []),
          ...(c.headers ?? []),
        ];
        const ext = [
          `<zeebe:taskDefinition${a('type', 'notify')}${a('retries', c.retries ?? '3')} />`,
          `<zeebe:taskHeaders>\n${headers.map(([k, v]) => `  <zeebe:header${a('key', k)}${a('value', v)} />`).join('\n')}\n</zeebe:taskHeaders>`,
          ...(c.kind === 'cc' ? [prop('huiliu:card', 'cc')] : []),
        ];
        this.el('serviceTask', c.id, [['name', c.name]], c.keep, ext);
        return;
      }
      case 'locked': {
        const n = parseXml(c.xml);
        const ext = elements(n).find((e) => local(e.name) === 'extensionElements');
        this.used.add(c.id);
        this.els.push({
          qname: n.name,
          id: c.id,
          attrs: n.attrs,
          pre: elements(n)
            .filter((e) => local(e.name) === 'documentation')
            .map((e) => writeXml(e)),
          ext: ext ? elements(ext).map((e) => writeXml(e)) : [],
          post: elements(n)
            .filter((e) => !['documentation', 'extensionElements'].includes(local(e.name)))
            .map((e) => writeXml(e)),
        });
        return;
      }
      default:
        return;
    }
  }

  finish(p: Pending, t: PathEnd | { next: true }, next: string | undefined) {
    if ('end' in t) {
      this.card(t.end);
      this.ends.set(t.end.id, t.end);
      this.flow(p, t.end.id, t.end.flowIn);
    } else if ('goto' in t) {
      if (t.goto) this.flow(p, t.goto);
    } else if (next) this.flow(p, next);
  }

  /** Writes a chain from `incoming`; returns where the chain leaves off (undefined after an end event). */
  chain(cards: Card[], incoming: Pending | undefined, after?: string): Pending | undefined {
    let p = incoming;
    let owner: Card | undefined;
    cards.forEach((c, i) => {
      if (c.kind === 'timer') {
        if (!owner) return;
        const ext: string[] = [];
        const post =
          'raw' in c.when
            ? [c.when.raw]
            : [
                c.when.daily
                  ? `<bpmn:timerEventDefinition${c.timerId ? a('id', c.timerId) : ''}>\n  <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${escapeText(`="R/" + string(workday(now(), ${c.when.workdays}) + duration("PT9H1S")) + "/P1D"`)}</bpmn:timeCycle>\n</bpmn:timerEventDefinition>`
                  : `<bpmn:timerEventDefinition${c.timerId ? a('id', c.timerId) : ''}>\n  <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${escapeText(`=workday(now(), ${c.when.workdays})`)}</bpmn:timeDate>\n</bpmn:timerEventDefinition>`,
              ];
        this.el(
          'boundaryEvent',
          c.id,
          [
            ['name', c.name],
            ...(c.interrupting ? [] : [['cancelActivity', 'false'] as [string, string]]),
            ['attachedToRef', owner.id],
          ],
          c.keep,
          ext,
          post,
        );
        const end = this.chain(c.path, { source: c.id, flowId: c.flowIn });
        if (end) this.finish(end, c.goesTo, nextEntry(cards, i, after));
        return;
      }
      owner = c;
      if (p) this.flow(p, c.id, c.flowIn);
      switch (c.kind) {
        case 'decision': {
          const def = c.nextIsDefault ? c.next.flowId : c.outcomes.find((o) => !o.condition)?.flowId;
          this.el(
            'exclusiveGateway',
            c.id,
            [
              ['name', c.name],
              ['default', def ?? ''],
            ],
            c.keep,
            [],
          );
          for (const o of c.outcomes) {
            const end = this.chain(o.path, {
              source: c.id,
              flowId: o.flowId,
              name: o.name,
              condition: o.condition,
            });
            if (end) this.finish(end, o.goesTo, undefined);
          }
          this.firsts.add(c.next.flowId);
          p = {
            source: c.id,
            flowId: c.next.flowId,
            name: c.next.name,
            condition: c.nextIsDefault ? undefined : c.next.condition,
          };
          return;
        }
        case 'condition':
        case 'parallel': {
          const gw = c.kind === 'condition' ? 'exclusiveGateway' : 'parallelGateway';
          const def =
            c.kind === 'condition' ? c.branches.find((b) => b.condition === null)?.flowId : undefined;
          this.el(
            gw,
            c.id,
            [
              ['name', c.name],
              ['default', def ?? ''],
            ],
            c.keep,
            [],
          );
          this.el(gw, c.joinId, [['name', c.joinName ?? '']], c.joinKeep, []);
          for (const b of c.branches) {
            const cond = c.kind === 'condition' && b.condition ? conditionToFeel(b.condition) : undefined;
            const end = this.chain(
              b.cards,
              { source: c.id, flowId: b.flowId, name: b.name, condition: cond },
              c.joinId,
            );
            if (end) this.flow(end, c.joinId, b.flowOut);
          }
          p = { source: c.joinId };
          return;
        }
        default:
          this.card(c);
          p = c.kind === 'end' ? undefined : { source: c.id };
      }
    });
    return p;
  }
}

const indent = (xml: string, pad: string) =>
  xml
    .split('\n')
    .map((l) => pad + l)
    .join('\n');

/** The model as BPMN XML (zeebe dialect) with a vertical layout. Pure and deterministic. */
export function writeBpmn(m: FlowModel): string {
  const w = new Writer();
  w.chain(m.chain, undefined);
  // Layout: the chain, then side rows right of it.
  w.layout.chain(m.chain, 300, 80);
  w.layout.sideRows(w.ends);
  w.flows = w.orderedFlows();
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const f of w.flows) {
    outgoing.set(f.source, [...(outgoing.get(f.source) ?? []), f.id]);
    incoming.set(f.target, [...(incoming.get(f.target) ?? []), f.id]);
  }
  const P = '    ';
  const body: string[] = [];
  for (const e of w.els) {
    const inner = [
      ...e.pre.map((x) => indent(x, `${P}  `)),
      ...(e.ext.length
        ? [
            `${P}  <bpmn:extensionElements>`,
            ...e.ext.map((x) => indent(x, `${P}    `)),
            `${P}  </bpmn:extensionElements>`,
          ]
        : []),
      ...(incoming.get(e.id) ?? []).map((f) => `${P}  <bpmn:incoming>${f}</bpmn:incoming>`),
      ...(outgoing.get(e.id) ?? []).map((f) => `${P}  <bpmn:outgoing>${f}</bpmn:outgoing>`),
      ...e.post.map((x) => indent(x, `${P}  `)),
    ];
    const open = `${P}<${e.qname}${e.attrs.map(([k, v]) => a(k, v)).join('')}`;
    body.push(inner.length ? `${open}>\n${inner.join('\n')}\n${P}</${e.qname}>` : `${open} />`);
  }
  for (const f of w.flows) {
    const open = `${P}<bpmn:sequenceFlow${a('id', f.id)}${f.name ? a('name', f.name) : ''}${a('sourceRef', f.source)}${a('targetRef', f.target)}`;
    body.push(
      f.condition
        ? `${open}>\n${P}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeText(f.condition)}</bpmn:conditionExpression>\n${P}</bpmn:sequenceFlow>`
        : `${open} />`,
    );
  }
  // Diagram interchange.
  const di: string[] = [];
  const lanes = { n: 0 };
  const maxRight = Math.max(0, ...[...w.layout.boxes.values()].map((b) => b.x + b.w));
  for (const e of w.els) {
    const b = w.layout.boxes.get(e.id);
    if (!b) continue;
    const marker = local(e.qname) === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '';
    di.push(
      `      <bpmndi:BPMNShape id="${escapeAttr(e.id)}_di" bpmnElement="${escapeAttr(e.id)}"${marker}>\n        <dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" />\n      </bpmndi:BPMNShape>`,
    );
  }
  for (const f of w.flows) {
    const s = w.layout.boxes.get(f.source);
    const t = w.layout.boxes.get(f.target);
    if (!s || !t) continue;
    const pts = w.layout.waypoints(s, t, () => maxRight + 40 + 20 * lanes.n++);
    di.push(
      `      <bpmndi:BPMNEdge id="${escapeAttr(f.id)}_di" bpmnElement="${escapeAttr(f.id)}">\n${pts.map(([x, y]) => `        <di:waypoint x="${x}" y="${y}" />`).join('\n')}\n      </bpmndi:BPMNEdge>`,
    );
  }
  // Root: our namespaces first, then the original's other attributes (its own prefixes for what we carried).
  const orig = m.definitions.attrs;
  const rootAttrs: [string, string][] = [...NS, ...orig.filter(([k]) => !NS.some(([nk]) => nk === k))];
  if (!rootAttrs.some(([k]) => k === 'id')) rootAttrs.push(['id', `${m.processId}-definitions`]);
  if (!rootAttrs.some(([k]) => k === 'targetNamespace'))
    rootAttrs.push(['targetNamespace', 'https://huiliu.example.gov.cn/bpmn']);
  const procAttrs: [string, string][] = [
    ['id', m.processId],
    ['name', m.name],
    ...(m.keep?.attrs?.some(([k]) => k === 'isExecutable')
      ? []
      : [['isExecutable', 'true'] as [string, string]]),
    ...(m.keep?.attrs ?? []),
  ];
  const procExt = [
    ...(m.starters.length ? [prop('huiliu:starters', m.starters.join(','))] : []),
    ...(m.keep?.ext ?? []),
  ];
  const procInner = [
    ...(m.keep?.pre ?? []).map((x) => indent(x, '    ')),
    ...(procExt.length
      ? [
          '    <bpmn:extensionElements>',
          ...procExt.map((x) => indent(x, '      ')),
          '    </bpmn:extensionElements>',
        ]
      : []),
    ...body,
    ...(m.keep?.post ?? []).map((x) => indent(x, '    ')),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions${rootAttrs.map(([k, v]) => a(k, v)).join('')}>
${m.definitions.other.map((x) => indent(x, '  ')).join('\n')}${m.definitions.other.length ? '\n' : ''}  <bpmn:process${procAttrs.map(([k, v]) => a(k, v)).join('')}>
${procInner.join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${escapeAttr(m.processId)}-diagram">
    <bpmndi:BPMNPlane id="${escapeAttr(m.processId)}-plane" bpmnElement="${escapeAttr(m.processId)}">
${di.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** Exposed for the layout test: the laid-out boxes of a model. */
export function layoutOf(m: FlowModel): Layout {
  const w = new Writer();
  w.chain(m.chain, undefined);
  w.layout.chain(m.chain, 300, 80);
  w.layout.sideRows(w.ends);
  return w.layout;
}
