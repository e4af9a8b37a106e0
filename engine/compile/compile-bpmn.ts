/** @module compileBpmn: guard → parse → validate (all problems at once) → compile every executable process. */
import { guardXmlInput } from '../bpmn/guard';
import { isError, issue } from '../bpmn/issue';
import { parseBpmn } from '../bpmn/parse';
import { validateProcess } from '../bpmn/validate';
import type { CompiledProcess, CompileOptions, CompileResult, ValidationIssue } from '../contract';
import { calledProcessOf } from '../elements/container/call-activity';
import { messageSpec } from '../elements/behaviors/message';
import { timerDef } from '../elements/behaviors/timer';
import { ext } from '../elements/behaviors/zeebe';
import { userTaskFormKey } from '../elements/task/user-task';
import { bindDecisions, calledDecision } from '../elements/task/business-rule-task';
import { signalName } from '../elements/event/signal-spec';
import type { ProcessModel } from '../types';
import { compileProcess } from './compile-process';
import { addMoveTransitions } from './moves';

export async function compileBpmn(xml: string, options?: CompileOptions): Promise<CompileResult> {
  const guarded = guardXmlInput(xml, { maxBytes: options?.maxBytes });
  if (guarded.some(isError)) return { ok: false, issues: guarded };
  const parsed = await parseBpmn(xml);
  const issues: ValidationIssue[] = [...guarded, ...parsed.issues];
  for (const model of parsed.processes) issues.push(...validateProcess(model));
  const executable = parsed.processes.filter((p) => p.executable);
  if (parsed.processes.length && !executable.length) {
    issues.push(
      issue(
        parsed.processes[0].id,
        'process.not-executable',
        '没有可执行的流程（isExecutable="false"）',
        'no executable process (isExecutable="false")',
      ),
    );
  }
  if (issues.some(isError)) return { ok: false, issues };
  const processes: CompiledProcess[] = [];
  for (const model of executable) {
    const compiled = compileProcess(model);
    issues.push(...compiled.issues);
    const info = infoOf(model);
    addMoveTransitions(compiled.machine, startStepOf(model, info));
    if (options?.decisions) bindDecisions(compiled.machine, options.decisions);
    processes.push({
      processId: model.id,
      ...(model.name ? { name: model.name } : {}),
      machine: compiled.machine,
      info,
    });
  }
  if (issues.some(isError)) return { ok: false, issues };
  return { ok: true, processes, warnings: issues };
}

function infoOf(model: ProcessModel): CompiledProcess['info'] {
  const info: CompiledProcess['info'] = {
    userTasks: [],
    timerStarts: [],
    messageStarts: [],
    calledProcessIds: [],
  };
  const topLevel = new Set(model.scopes.get(model.id)?.elements ?? []);
  for (const el of model.elements.values()) {
    if (el.kind === 'startEvent' && topLevel.has(el.id)) {
      const f = ext(el.source, 'zeebe:FormDefinition');
      const key = f?.formId || f?.formKey;
      if (key) info.startFormKey = key;
    }
    if (el.kind === 'userTask')
      info.userTasks.push({
        elementId: el.id,
        ...(el.name ? { name: el.name } : {}),
        ...(userTaskFormKey(el) ? { formKey: userTaskFormKey(el) } : {}),
      });
    if (el.kind === 'timerStartEvent') {
      const def = timerDef(el);
      info.timerStarts.push({
        elementId: el.id,
        ...(def?.kind === 'cycle' ? { timeCycle: def.expr } : { timeDate: def?.expr }),
      });
    }
    // Both lists stay absent on processes without such elements, so their compiled info (and checksum) is unchanged.
    if (el.kind === 'signalStartEvent') {
      info.signalStarts = [
        ...(info.signalStarts ?? []),
        { elementId: el.id, signalName: signalName(el) ?? '' },
      ];
    }
    if (el.kind === 'businessRuleTask') {
      const id = calledDecision(el)?.decisionId;
      const ids = info.calledDecisionIds ?? [];
      if (id && !ids.includes(id)) info.calledDecisionIds = [...ids, id];
    }
    if (el.kind === 'messageStartEvent')
      info.messageStarts.push({ elementId: el.id, messageName: messageSpec(el)?.messageName ?? '' });
    if (el.kind === 'callActivity') {
      const pid = calledProcessOf(el.source);
      if (pid && !info.calledProcessIds.includes(pid)) info.calledProcessIds.push(pid);
    }
  }
  return info;
}

/** The none start event with the start form, which 撤回 and a return to the start reopen as a task. */
function startStepOf(model: ProcessModel, info: CompiledProcess['info']) {
  if (!info.startFormKey) return undefined;
  const top = model.scopes.get(model.id)?.elements ?? [];
  const el = top.map((id) => model.elements.get(id)).find((e) => e?.kind === 'startEvent');
  return el ? { elementId: el.id, name: el.name, formKey: info.startFormKey } : undefined;
}
