/** @module Parses BPMN XML (Camunda 8 dialect) with bpmn-moddle + zeebe-bpmn-moddle into ProcessModels. */
// @ts-expect-error bpmn-moddle ships no type declarations for its ESM entry
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { ValidationIssue } from '../contract';
import type { ModelElement, Moddle, ProcessModel } from '../types';
import { classify, NON_EXECUTING } from './classify';
import { issue, warning } from './issue';
import { compensationHandlers, linkThrowsToCatches } from './links';

export interface ParseResult {
  processes: ProcessModel[];
  issues: ValidationIssue[];
}

const moddle = new BpmnModdle({ zeebe });

/** Parse XML already screened by the input guard. Never throws: a broken file becomes issues. */
export async function parseBpmn(xml: string): Promise<ParseResult> {
  let parsed: Moddle;
  try {
    parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      processes: [],
      issues: [issue(null, 'xml.unparseable', `无法解析 BPMN XML：${msg}`, `cannot parse BPMN XML: ${msg}`)],
    };
  }
  const issues: ValidationIssue[] = (parsed.warnings ?? []).map((w: Moddle) => {
    const id = typeof w.element?.id === 'string' ? w.element.id : null;
    const msg = String(w.message ?? w.error?.message ?? w);
    return warning(id, 'xml.parser-warning', `解析警告：${msg}`, `parser warning: ${msg}`);
  });
  const defs = parsed.rootElement;
  const processes: ProcessModel[] = [];
  for (const root of defs?.rootElements ?? []) {
    if (root.$type === 'bpmn:Process') processes.push(buildProcess(root, issues));
  }
  if (processes.length === 0)
    issues.push(
      issue(null, 'process.missing', '文件中没有流程（bpmn:process）', 'the file holds no bpmn:process'),
    );
  return { processes, issues };
}

function buildProcess(proc: Moddle, issues: ValidationIssue[]): ProcessModel {
  const model: ProcessModel = {
    id: proc.id,
    name: proc.name || undefined,
    executable: proc.isExecutable !== false,
    elements: new Map(),
    flows: new Map(),
    scopes: new Map(),
    defaults: new Set(),
    incomplete: new Set(),
  };
  if (proc.laneSets?.some((l: Moddle) => l.lanes?.some((x: Moddle) => x.childLaneSet))) {
    issues.push(
      warning(
        proc.id,
        'lanes.ignored',
        '泳道仅用于展示，不影响执行',
        'lanes are for display only and do not affect execution',
      ),
    );
  }
  addScope(model, proc, 'process', issues);
  for (const el of model.elements.values()) {
    if (el.attachedTo) model.elements.get(el.attachedTo)?.boundaries.push(el.id);
  }
  return model;
}

function addScope(
  model: ProcessModel,
  container: Moddle,
  kind: 'process' | 'subProcess',
  issues: ValidationIssue[],
) {
  const scope = { id: container.id as string, kind, elements: [] as string[], flows: [] as string[] };
  model.scopes.set(scope.id, scope);
  const elements: Moddle[] = container.flowElements ?? [];
  for (const el of elements) {
    if (el.$type === 'bpmn:SequenceFlow') continue;
    if (NON_EXECUTING.has(el.$type)) continue;
    if (!el.id) {
      issues.push(issue(null, 'element.missing-id', `${el.$type} 缺少 id`, `${el.$type} has no id`));
      continue;
    }
    const c = classify(el);
    if ('refused' in c) {
      issues.push(issue(el.id, c.code, c.refused, c.refusedEn));
      model.incomplete.add(scope.id);
      continue;
    }
    const loop = el.loopCharacteristics;
    const me: ModelElement = {
      id: el.id,
      kind: c.kind,
      name: el.name || undefined,
      scopeId: scope.id,
      incoming: [],
      outgoing: [],
      attachedTo: el.attachedToRef?.id,
      boundaries: [],
      loop,
      source: el,
    };
    if (loop && loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      issues.push(
        issue(
          el.id,
          'unsupported.standard-loop',
          '不支持标准循环（standardLoop），请用多实例或网关回路',
          'standard loops are not supported; use multi-instance or a gateway loop',
        ),
      );
    }
    const foreign = foreignExtensions(el);
    if (foreign.length) {
      const names = foreign.join(', ');
      issues.push(
        warning(
          el.id,
          'extension.ignored',
          `忽略非 Camunda 8 扩展：${names}（huiliu 只读取 zeebe:* 扩展）`,
          `ignored non-Camunda-8 extensions: ${names} (huiliu reads zeebe:* extensions only)`,
        ),
      );
    }
    if (el.default?.id) model.defaults.add(el.default.id);
    if (el.isForCompensation) me.forCompensation = true;
    model.elements.set(el.id, me);
    scope.elements.push(el.id);
    if (c.kind === 'subProcess' || c.kind === 'eventSubProcess') addScope(model, el, 'subProcess', issues);
  }
  for (const f of elements) {
    if (f.$type !== 'bpmn:SequenceFlow') continue;
    const src = f.sourceRef?.id;
    const tgt = f.targetRef?.id;
    if (!src || !tgt) {
      issues.push(
        issue(
          f.id ?? null,
          'flow.broken-reference',
          '顺序流缺少起点或终点',
          'sequence flow lacks a source or a target',
        ),
      );
      continue;
    }
    const body = f.conditionExpression?.body;
    model.flows.set(f.id, {
      id: f.id,
      sourceRef: src,
      targetRef: tgt,
      condition: body?.trim() || undefined,
      scopeId: scope.id,
    });
    scope.flows.push(f.id);
    model.elements.get(src)?.outgoing.push(f.id);
    model.elements.get(tgt)?.incoming.push(f.id);
  }
  linkThrowsToCatches(model, scope);
  compensationHandlers(model, container);
}

/** Extension elements and attributes from other dialects (camunda:*, activiti:*): never silently ignored, always a warning. */
function foreignExtensions(el: Moddle): string[] {
  const names = new Set<string>();
  for (const v of el.extensionElements?.values ?? []) {
    const t = String(v.$type ?? '');
    if (!t.startsWith('zeebe:')) names.add(t);
  }
  for (const key of Object.keys(el.$attrs ?? {})) {
    if (!key.startsWith('xmlns') && key.includes(':')) names.add(`@${key}`);
  }
  return [...names];
}
