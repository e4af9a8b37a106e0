/** @module Deploy-time validation of one process: every element's own rules, the flow structure per scope, side paths. */
import type { ValidationIssue } from '../contract';
import { validateExecutionListeners } from '../elements/behaviors/execution-listeners';
import { isNonInterruptingEventSubProcess } from '../elements/container/event-sub-process';
import { handlerOf } from '../elements/registry';
import type { ElementKind, ModelElement, ProcessModel } from '../types';
import { analyzeGraph, type FlowGraph, type FlowNodeKind, tokenFlowIssues } from './graph';
import { issue } from './issue';
import { buildScopeGraph, reachable } from './scope-graph';

const WAITS = new Set<ElementKind>([
  'userTask',
  'serviceTask',
  'sendTask',
  'messageThrowEvent',
  'compensationThrowEvent',
  'receiveTask',
  'messageCatchEvent',
  'timerCatchEvent',
  'signalCatchEvent',
  'callActivity',
  'subProcess',
  'eventBasedGateway',
]);
const GATEWAYS = new Set<ElementKind>([
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
]);

function nodeKind(k: ElementKind): FlowNodeKind {
  if (k === 'startEvent' || k === 'timerStartEvent' || k === 'messageStartEvent' || k === 'signalStartEvent')
    return 'start';
  if (k === 'eventSubProcessStart') return 'start';
  if (k === 'signalEndEvent' || k === 'escalationEndEvent' || k === 'compensationEndEvent') return 'end';
  if (k === 'signalCatchEvent') return 'other';
  if (k === 'endEvent' || k === 'terminateEndEvent' || k === 'errorEndEvent' || k === 'messageEndEvent')
    return 'end';
  if (GATEWAYS.has(k)) return k as FlowNodeKind;
  if (k === 'messageCatchEvent' || k === 'timerCatchEvent') return 'other';
  return 'task';
}

export function validateProcess(model: ProcessModel): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const el of model.elements.values()) {
    issues.push(...(handlerOf(el.kind).validate?.(el, model) ?? []));
    issues.push(...flowRules(el, model));
    issues.push(...validateExecutionListeners(el));
  }
  const starts = [...(model.scopes.get(model.id)?.elements ?? [])]
    .map((id) => model.elements.get(id))
    .filter((e) => e && nodeKind(e.kind) === 'start') as ModelElement[];
  if (!starts.length)
    issues.push(issue(model.id, 'process.no-start', '流程没有开始事件', 'the process has no start event'));
  if (starts.filter((s) => s.kind === 'startEvent').length > 1) {
    issues.push(
      issue(
        model.id,
        'process.several-none-starts',
        '流程有多个空开始事件',
        'the process has several none start events',
      ),
    );
  }
  for (const scopeId of model.scopes.keys())
    if (!model.incomplete.has(scopeId)) issues.push(...structure(model, scopeId));
  for (const el of model.elements.values()) {
    if (el.kind === 'subProcess' && el.loop) issues.push(...multiInstanceBody(model, el));
  }
  return issues;
}

function flowRules(el: ModelElement, model: ProcessModel): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  // Implicit splits and unreachable elements are reported by the structural analysis (engine/bpmn/graph).
  if (!GATEWAYS.has(el.kind)) {
    for (const f of el.outgoing) {
      if (model.flows.get(f)?.condition)
        out.push(
          issue(
            f,
            'flow.conditional-from-activity',
            '条件顺序流只能从网关出发',
            'conditional sequence flows may leave gateways only',
          ),
        );
    }
  }
  if (el.loop && el.kind !== 'userTask' && el.kind !== 'subProcess' && el.kind !== 'callActivity') {
    out.push(
      issue(
        el.id,
        'unsupported.multi-instance',
        '只有用户任务支持多实例',
        'multi-instance is supported on user tasks only',
      ),
    );
  }
  const isStart = nodeKind(el.kind) === 'start';
  if (isStart && el.incoming.length > 0)
    out.push(
      issue(el.id, 'flow.into-start', '开始事件不能有入口顺序流', 'a start event cannot have incoming flows'),
    );
  return out;
}

/** The structural analysis (blocks, cycles through wait states) of the scope's main flow and each side path. */
function structure(model: ProcessModel, scopeId: string): ValidationIssue[] {
  const g = buildScopeGraph(model, scopeId);
  const out: ValidationIssue[] = [];
  const toGraph = (nodes: string[], startIds: Set<string>): FlowGraph => {
    const set = new Set(nodes);
    const flows = [];
    for (const n of nodes)
      for (const s of g.succ.get(n) ?? [])
        if (set.has(s.to) && model.flows.has(s.flow))
          flows.push({ id: s.flow, sourceRef: n, targetRef: s.to });
    return {
      nodes: nodes.map((id) => {
        const e = model.elements.get(id) as ModelElement;
        return { id, kind: startIds.has(id) ? 'start' : nodeKind(e.kind), waitState: WAITS.has(e.kind) };
      }),
      flows,
    };
  };
  const boundaries = new Set(g.nodes.filter((n) => model.elements.get(n)?.attachedTo));
  // Concurrency that is not block-structured runs with token semantics; only what BPMN leaves undefined is refused.
  const checked = (graph: FlowGraph) => tokenFlowIssues(graph, analyzeGraph(graph));
  out.push(...checked(toGraph(g.nodes, boundaries)));
  const main = new Set(g.nodes);
  for (const [b, nodes] of g.sidePaths) {
    const merges = [...reachable([b], g.succ)].filter((n) => main.has(n));
    if (merges.length) {
      out.push(
        issue(
          b,
          'side-path.merges',
          `非中断边界事件的路径汇入了主流程（${merges[0]}），它必须以自己的结束事件结束`,
          `the path of a non-interrupting boundary event joins the main flow (${merges[0]}); it must end in its own end event`,
        ),
      );
      continue;
    }
    const inner = nodes.filter((n) => n !== b);
    if (
      inner.some((n) =>
        reachable(
          (g.succ.get(n) ?? []).map((s) => s.to),
          g.succ,
        ).has(n),
      )
    ) {
      out.push(
        issue(
          b,
          'side-path.cycle',
          '非中断边界事件的路径中不支持回路',
          'loops are not supported on the path of a non-interrupting boundary event',
        ),
      );
    }
    for (const n of inner) {
      const e = model.elements.get(n) as ModelElement;
      if (e.boundaries.some((x) => g.sidePaths.has(x))) {
        out.push(
          issue(
            n,
            'side-path.nested',
            '非中断边界事件的路径中不能再有非中断边界事件',
            'a non-interrupting boundary path cannot hold another non-interrupting boundary event',
          ),
        );
      }
    }
    out.push(...checked(toGraph(nodes, new Set([b]))));
  }
  return out;
}

/**
 * A multi-instance body runs as a spawned child whose elements all take its spawn number as activation: so no loops
 * inside, and nothing inside that would itself spawn (non-interrupting boundaries, nested multi-instance bodies).
 */
// Tasks and jobs are unique per (instance, key) in the store; calls and subprocesses hold keyed items of their own.
/** Whether an element lies inside a multi-instance subprocess's body. */
function insideBody(model: ProcessModel, e: ModelElement): boolean {
  for (let s = e.scopeId; s !== model.id; ) {
    const p = model.elements.get(s);
    if (!p) return false;
    if (p.kind === 'subProcess' && p.loop) return true;
    s = p.scopeId;
  }
  return false;
}

/** The multi-instance subprocess whose body holds an element most closely, if any. */
function nearestBody(model: ProcessModel, e: ModelElement): string | null {
  for (let s = e.scopeId; s !== model.id; ) {
    const p = model.elements.get(s);
    if (!p) return null;
    if (p.kind === 'subProcess' && p.loop) return p.id;
    s = p.scopeId;
  }
  return null;
}

const REOPEN_UNSAFE = new Set<ElementKind>([
  'userTask',
  'serviceTask',
  'sendTask',
  'messageThrowEvent',
  'callActivity',
  'subProcess',
]);

function multiInstanceBody(model: ProcessModel, sub: ModelElement): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const inner = (scopeId: string): string[] =>
    (model.scopes.get(scopeId)?.elements ?? []).flatMap((id) =>
      model.scopes.has(id) ? [id, ...inner(id)] : [id],
    );
  for (const id of inner(sub.id)) {
    const e = model.elements.get(id);
    if (!e) continue;
    // One level of nesting runs (the outer body spawns the inner bodies, exec/children.ts); a third level does not.
    if ((e.kind === 'subProcess' || e.kind === 'callActivity') && e.loop && insideBody(model, sub)) {
      out.push(
        issue(
          id,
          'multi-instance-body.nested',
          '多实例嵌套最多两层：嵌套的多实例子流程中不能再有多实例子流程或多实例调用活动',
          'multi-instance nests two levels deep at most: a nested multi-instance subprocess cannot hold another multi-instance subprocess or call activity',
        ),
      );
    }
    if (
      e.attachedTo &&
      (e.kind === 'timerBoundaryEvent' ||
        e.kind === 'messageBoundaryEvent' ||
        e.kind === 'signalBoundaryEvent' ||
        e.kind === 'escalationBoundaryEvent') &&
      e.source.cancelActivity === false
    ) {
      out.push(
        issue(
          id,
          'multi-instance-body.side-path',
          '多实例子流程中不支持非中断边界事件',
          'non-interrupting boundary events are not supported inside a multi-instance subprocess',
        ),
      );
    }
    // A non-interrupting event subprocess spawns its paths from the body (numbered from the body's spawn number
    // × 1,000,000, as nested bodies are); a nested body's own numbers have no such room, so there it stays refused.
    if (
      e.kind === 'eventSubProcess' &&
      isNonInterruptingEventSubProcess(model, e) &&
      insideBody(model, sub) &&
      nearestBody(model, e) === sub.id
    ) {
      out.push(
        issue(
          id,
          'multi-instance-body.side-path',
          '嵌套的多实例子流程中不支持非中断事件子流程（外层多实例子流程中可以）',
          'non-interrupting event subprocesses are not supported inside a nested multi-instance subprocess (they are in the outer one)',
        ),
      );
    }
  }
  for (const scopeId of [sub.id, ...inner(sub.id).filter((id) => model.scopes.has(id))]) {
    const g = buildScopeGraph(model, scopeId);
    // Inside a body every pass takes the spawn number as activation, so a loop re-opens its items under the same
    // key. Fine for subscriptions and timers (a row per arming); a task, job, call or subprocess on the loop would
    // need one row per pass under one key, so those loops stay refused.
    const looping = g.nodes.find(
      (n) =>
        REOPEN_UNSAFE.has(model.elements.get(n)?.kind as ElementKind) &&
        reachable(
          (g.succ.get(n) ?? []).map((x) => x.to),
          g.succ,
        ).has(n),
    );
    if (looping)
      out.push(
        issue(
          looping,
          'multi-instance-body.cycle',
          '多实例子流程中的回路不能经过用户任务、作业（服务/发送任务）、调用活动或子流程（每一轮会复用同一个记录键）',
          'a loop inside a multi-instance subprocess cannot pass a user task, a job (service/send task), a call activity or a subprocess (every pass would reuse one record key)',
        ),
      );
  }
  return out;
}
