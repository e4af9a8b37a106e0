/**
 * @module The `notify` job worker. Headers: `to` (comma list of `initiator`, a role, `role@varName`, `role@*`),
 * `title`, `body`, `link` with `{variable}` placeholders, and `workdaysOnly` for reminders driven by a daily cycle.
 */
import type { Json, Vars } from '../../engine/contract';
import { chinaDateOf } from '../../engine/calendar';
import type { WorkerDeps, WorkflowJob } from '../worker-types';
import { type Recipient, sendNotification } from './store';

/** Fills `{name}` from variables (and `{instanceId}`); an unknown name stays visible rather than silently blank. */
export function fillTemplate(template: string, vars: Vars): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const v: Json | undefined = vars[name];
    return v === undefined || v === null ? whole : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

/**
 * Resolves one `to` token. An unscoped `unit.*` role means the starter's unit (as candidate groups do);
 * `role@var` takes the unit id from a variable (or is a literal unit id); `role@*` and county-wide roles reach all units.
 */
export function resolveRecipient(token: string, vars: Vars): Recipient | null {
  const t = token.trim();
  if (!t) return null;
  if (t === 'initiator') return typeof vars.initiator === 'string' ? { username: vars.initiator } : null;
  const [role, scope] = t.split('@');
  if (scope === '*') return { role };
  if (scope) {
    const v = vars[scope];
    return { role, unitId: typeof v === 'string' ? v : scope };
  }
  if (role.startsWith('unit.'))
    return typeof vars.initiatorUnitId === 'string' ? { role, unitId: vars.initiatorUnitId } : null;
  return { role };
}

export function createNotifyWorker(deps: WorkerDeps) {
  return async (job: WorkflowJob) => {
    const h = job.headers;
    if (h.workdaysOnly === 'true' && !deps.calendar.isWorkday(chinaDateOf(deps.now().toISOString())))
      return undefined;
    const vars: Vars = { ...job.variables, instanceId: job.instanceId };
    const to = (h.to ?? 'initiator')
      .split(',')
      .map((t) => resolveRecipient(t, vars))
      .filter((r): r is Recipient => r !== null);
    const title = fillTemplate(h.title ?? '流程通知', vars);
    await sendNotification(job.tx, to, {
      title,
      body: fillTemplate(h.body ?? '', vars),
      link: h.link ? fillTemplate(h.link, vars) : `/instances/${job.instanceId}`,
      kind: h.kind ?? (h.workdaysOnly === 'true' ? 'reminder' : 'info'),
      instanceId: job.instanceId,
    });
    return undefined;
  };
}
