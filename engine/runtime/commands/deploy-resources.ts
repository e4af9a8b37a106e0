/**
 * @module deployResources: compiles .bpmn resources and saves *.form.json ones in one transaction. A process gets a
 * new version only when its XML changed; every form it names is pinned to the version current at deploy time.
 */
import { createHash } from 'node:crypto';
import type { CompiledProcess, ValidationIssue } from '../../contract';
import { AppError } from '../../../platform/errors';
import {
  cancelDefinitionTimers,
  insertDefinition,
  insertDeployment,
  insertTimers,
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
      const result: DeployResult = { deploymentId: null, processes: [], forms: savedForms, created: false };
      for (const { xml, process } of compiled) {
        const formBindings = await bindForms(rt, tx, process, savedForms, issues);
        if (issues.length > 0) continue;
        // The same XML bound to newer form versions is a new version: a form saved in the designer reaches the
        // next deployment of its process without the diagram having to change.
        const bindingText = JSON.stringify(
          Object.entries(formBindings).sort(([a], [b]) => a.localeCompare(b)),
        );
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
        if (!result.created) {
          result.deploymentId = await insertDeployment(tx, {
            name: input.name,
            deployedBy: input.user?.username,
          });
          result.created = true;
        }
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
