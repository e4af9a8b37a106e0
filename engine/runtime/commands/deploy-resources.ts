/**
 * @module deployResources: compiles .bpmn resources, parses .dmn ones and saves *.form.json ones in one transaction.
 * A process gets a new version only when its XML (or what it binds) changed; every form it names is pinned to the
 * version current at deploy time, and every decision its business rule tasks call is embedded as it is at deploy
 * time (this deployment's, else the latest deployed: Zeebe's `bindingType="deployment"`). A decision gets a new
 * version only when its file changed.
 */
import { createHash } from 'node:crypto';
import type { CompiledProcess, ValidationIssue } from '../../contract';
import { AppError } from '../../../platform/errors';
import { type Decision, parseDmn } from '../../dmn';
import { bindDecisions } from '../../elements/task/business-rule-task';
import {
  cancelDefinitionTimers,
  insertDefinition,
  insertDeployment,
  insertDecision,
  insertTimers,
  latestDecision,
  latestDecisions,
  latestDefinition,
  type Tx,
} from '../../store';

import { nextTimerStart } from '../timer-starts';
import { inTransaction, RETRY_ON_UNIQUE } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface DeployInput {
  name?: string;
  resources: { name: string; content: string }[];
  user?: RuntimeUser;
}
export interface DeployResult {
  deploymentId: string | null;
  processes: { id: string; key: string; version: number; name: string | null; created: boolean }[];
  forms: { key: string; version: number }[];
  /** The decisions of the deployment's .dmn resources (created false: identical to the latest version). */
  decisions: { decisionId: string; version: number; name: string | null; created: boolean }[];
  /** False when every process was identical to its latest version (HTTP 200 rather than 201). */
  created: boolean;
}
type Issue = ValidationIssue & { resource?: string };

const bpmnInvalid = (issues: Issue[]) =>
  new AppError('BPMN_INVALID', `流程定义有 ${issues.length} 个问题`, {
    messageEn: `The process definition has ${issues.length} problem(s)`,
    details: issues.map((i) => ({
      elementId: i.elementId,
      message: i.message,
      messageEn: i.messageEn,
      code: i.code,
      resource: i.resource,
    })),
  });

type DmnIssue = ValidationIssue & { ruleId?: string };

/** 400 naming the file, the decision and the rule of each problem (a dmn-js author finds the cell from it). */
const dmnInvalid = (resource: string, issues: DmnIssue[]) =>
  new AppError(
    'DMN_INVALID',
    `决策文件 ${resource} 有 ${issues.length} 个问题：${issues[0]?.message ?? ''}`,
    {
      messageEn: `The decision file ${resource} has ${issues.length} problem(s): ${issues[0]?.messageEn ?? ''}`,
      details: issues.map((i) => ({
        resource,
        decisionId: i.elementId,
        ...(i.ruleId ? { ruleId: i.ruleId } : {}),
        code: i.code,
        message: i.message,
        messageEn: i.messageEn,
      })),
    },
  );

interface ParsedDmn {
  resource: string;
  xml: string;
  checksum: string;
  decisions: Decision[];
}

async function parseDmnResources(resources: { name: string; content: string }[]): Promise<ParsedDmn[]> {
  const out: ParsedDmn[] = [];
  for (const r of resources) {
    const parsed = await parseDmn(r.content);
    if (!parsed.ok) throw dmnInvalid(r.name, parsed.issues);
    out.push({
      resource: r.name,
      xml: r.content,
      checksum: createHash('sha256').update(r.content).digest('hex'),
      decisions: parsed.decisions,
    });
  }
  const ids = out.flatMap((d) => d.decisions.map((x) => x.id));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice)
    throw new AppError('DMN_INVALID', `决策 ${twice} 在本次部署中出现了两次`, {
      messageEn: `Decision ${twice} appears twice in this deployment`,
      details: [{ decisionId: twice, code: 'decision.duplicate' }],
    });
  return out;
}

function parseForm(r: { name: string; content: string }) {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(r.content) as Record<string, unknown>;
  } catch {
    throw new AppError('FORM_INVALID', `表单文件 ${r.name} 不是合法的 JSON`, {
      messageEn: `${r.name} is not valid JSON`,
    });
  }
  const key = String(data.key ?? data.id ?? r.name.replace(/^.*\//, '').replace(/\.form\.json$/, ''));
  const schema = data.schema ?? data;
  return {
    key,
    title: String(data.title ?? (schema as { title?: unknown }).title ?? key),
    schema,
    uiSchema: data.uiSchema ?? {},
  };
}

export async function deployResources(rt: RuntimeContext, input: DeployInput): Promise<DeployResult> {
  const forms = input.resources.filter((r) => r.name.endsWith('.form.json')).map(parseForm);
  const bpmns = input.resources.filter((r) => r.name.endsWith('.bpmn') || r.name.endsWith('.bpmn20.xml'));
  const dmns = await parseDmnResources(input.resources.filter((r) => r.name.endsWith('.dmn')));
  if (forms.length > 0 && !rt.forms)
    throw new Error('deployResources: the runtime was built without the forms module');
  const issues: Issue[] = [];
  const compiled: { xml: string; process: CompiledProcess }[] = [];
  for (const r of bpmns) {
    const result = await rt.engine.compileBpmn(r.content);
    if (!result.ok) issues.push(...result.issues.map((i) => ({ ...i, resource: r.name })));
    else for (const process of result.processes) compiled.push({ xml: r.content, process });
  }
  if (issues.length > 0) throw bpmnInvalid(issues);

  const outcome = await inTransaction(
    rt,
    async (tx) => {
      const savedForms: { key: string; version: number }[] = [];
      for (const f of forms) {
        const saved = await rt.forms?.saveForm(tx, { ...f, createdBy: input.user?.username });
        if (saved) savedForms.push({ key: saved.key, version: saved.version });
      }
      const result: DeployResult = {
        deploymentId: null,
        processes: [],
        forms: savedForms,
        decisions: [],
        created: false,
      };
      const newDeployment = async () => {
        if (!result.created) {
          result.deploymentId = await insertDeployment(tx, {
            name: input.name,
            deployedBy: input.user?.username,
          });
          result.created = true;
        }
        return result.deploymentId as string;
      };
      const available = await saveDecisions(tx, dmns, result, newDeployment);
      const called = [...new Set(compiled.flatMap((c) => c.process.info.calledDecisionIds ?? []))];
      for (const row of await latestDecisions(
        tx,
        called.filter((id) => !available[id]),
      ))
        for (const [id, d] of Object.entries(row.compiled as unknown as Record<string, Decision>))
          available[id] ??= d;
      for (const { xml, process } of compiled) {
        const formBindings = await bindForms(rt, tx, process, savedForms, issues);
        for (const id of bindDecisions(process.machine, available))
          issues.push({
            elementId: businessRuleTaskOf(process, id),
            code: 'DECISION_MISSING',
            message: `决策 ${id} 未部署：请在同一部署中附上 .dmn 文件，或先部署该决策`,
            messageEn: `Decision ${id} is not deployed; add its .dmn to this deployment or deploy it first`,
          });
        if (issues.length > 0) continue;
        // The same XML bound to newer form versions is a new version: a form saved in the designer reaches the
        // next deployment of its process without the diagram having to change.
        const decisionsBound = (process.info.calledDecisionIds ?? []).map((id) => available[id] ?? null);
        // Without decisions the text is what it was before decisions existed, so a redeploy of an unchanged
        // process after an upgrade is still recognised as identical (no needless new version).
        const forms = Object.entries(formBindings).sort(([a], [b]) => a.localeCompare(b));
        const bindingText = JSON.stringify(decisionsBound.length ? [forms, decisionsBound] : forms);
        const checksum = createHash('sha256')
          .update(`${process.processId}\n${xml}\n${bindingText}`)
          .digest('hex');
        const latest = await latestDefinition(tx, process.processId);
        if (latest?.checksum === checksum) {
          result.processes.push({
            id: latest.id,
            key: latest.key,
            version: latest.version,
            name: latest.name,
            created: false,
          });
          result.deploymentId ??= latest.deploymentId;
          continue;
        }
        await newDeployment();
        const def = await insertDefinition(tx, {
          key: process.processId,
          version: (latest?.version ?? 0) + 1,
          name: process.name,
          xml,
          compiled: process,
          checksum,
          formBindings,
          deploymentId: result.deploymentId as string,
          deployedAt: rt.clock.now(),
        });
        if (latest) await cancelDefinitionTimers(tx, latest.id);
        await scheduleTimerStarts(rt, tx, def.id, process);
        result.processes.push({
          id: def.id,
          key: def.key,
          version: def.version,
          name: def.name,
          created: true,
        });
      }
      if (issues.length > 0) throw bpmnInvalid(issues);
      return result;
    },
    4,
    RETRY_ON_UNIQUE,
  );
  return outcome;
}

/** Saves each decision whose file changed as its next version; returns every decision of this deployment by id. */
async function saveDecisions(
  tx: Tx,
  dmns: ParsedDmn[],
  result: DeployResult,
  newDeployment: () => Promise<string>,
): Promise<Record<string, Decision>> {
  const all: Record<string, Decision> = {};
  for (const f of dmns) {
    const byId = Object.fromEntries(f.decisions.map((d) => [d.id, d]));
    Object.assign(all, byId);
    for (const d of f.decisions) {
      const latest = await latestDecision(tx, d.id);
      if (latest?.checksum === f.checksum) {
        result.decisions.push({
          decisionId: d.id,
          version: latest.version,
          name: latest.name,
          created: false,
        });
        continue;
      }
      const row = await insertDecision(tx, {
        decisionId: d.id,
        version: (latest?.version ?? 0) + 1,
        name: d.name ?? null,
        resourceName: f.resource,
        xml: f.xml,
        // The decision with those of its file it may require: a process embeds this whole map.
        compiled: byId as unknown as Record<string, never>,
        checksum: f.checksum,
        deploymentId: await newDeployment(),
      });
      result.decisions.push({ decisionId: d.id, version: row.version, name: row.name, created: true });
    }
  }
  return all;
}

/** The business rule task that calls a decision (the element a DECISION_MISSING issue names). */
function businessRuleTaskOf(process: CompiledProcess, decisionId: string): string | null {
  let found: string | null = null;
  const walk = (node: unknown) => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as { type?: string; params?: { el?: string; decisionId?: string } };
    if (n.type === 'decision.evaluate' && n.params?.decisionId === decisionId) found = n.params.el ?? null;
    else for (const v of Object.values(node)) walk(v);
  };
  walk(process.machine);
  return found;
}

/** formKey → version: this deployment's form, else the latest saved one; a missing form is an issue on each element naming it. */
async function bindForms(
  rt: RuntimeContext,
  tx: Tx,
  process: CompiledProcess,
  deployed: { key: string; version: number }[],
  issues: Issue[],
): Promise<Record<string, number>> {
  const uses: { elementId: string | null; formKey: string }[] = process.info.userTasks
    .filter((t) => t.formKey)
    .map((t) => ({ elementId: t.elementId, formKey: t.formKey as string }));
  if (process.info.startFormKey) uses.push({ elementId: null, formKey: process.info.startFormKey });
  const bindings: Record<string, number> = {};
  for (const use of uses) {
    if (bindings[use.formKey] !== undefined) continue;
    const version =
      deployed.find((f) => f.key === use.formKey)?.version ??
      (rt.forms ? await rt.forms.latestFormVersion(tx, use.formKey) : null);
    if (version) bindings[use.formKey] = version;
  }
  for (const use of uses) {
    if (bindings[use.formKey] === undefined) {
      issues.push({
        elementId: use.elementId,
        code: 'FORM_MISSING',
        message: `表单 ${use.formKey} 不存在，请先部署该表单`,
        messageEn: `Form ${use.formKey} does not exist; deploy it first`,
      });
    }
  }
  return bindings;
}

async function scheduleTimerStarts(
  rt: RuntimeContext,
  tx: Tx,
  definitionId: string,
  process: CompiledProcess,
) {
  const now = rt.clock.now();
  const rows = process.info.timerStarts.flatMap((t) => {
    const next = nextTimerStart(t, now);
    if (!next) return [];
    return [
      {
        definitionId,
        timerKey: `start:${t.elementId}`,
        elementId: t.elementId,
        activation: 0,
        dueAt: next.dueAt,
        cycle: t.timeCycle ?? null,
        repetitionsLeft: next.repetitionsLeft,
      },
    ];
  });
  await insertTimers(tx, rows);
}
