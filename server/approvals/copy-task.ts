/**
 * @module 抄送 CC: by hand (`POST /api/tasks/{id}/cc`, anyone who may see the task) or by the diagram (user task
 * header `cc`, a FEEL list or a comma list of usernames and `role@unit` groups, copied when the task completes).
 * Each copy is a row the recipient reads under 抄送我的 and one `task.cc` history event per act.
 */
import type { RuntimeUser, TaskDto } from '../../engine/runtime';
import { appendHistory } from '../../engine/store';
import { evaluateFeel, isFeel } from '../../engine/expressions';
import type { Vars } from '../../engine/contract';
import { isCountyWideRole } from '../../identity/roles';
import type { ActDeps } from './act-deps';
import { insertCopies } from './copies';
import { findHolders, usersWithRole } from './find-holder';
import { notifyAct } from './notify-act';

type CopiedTask = Pick<
  TaskDto,
  'id' | 'processInstanceId' | 'elementId' | 'name' | 'processKey' | 'businessKey'
>;

async function copy(
  deps: ActDeps,
  task: CopiedTask,
  usernames: string[],
  by: string | null,
  comment?: string,
) {
  const at = deps.clock.now();
  const row = {
    id: task.id,
    instanceId: task.processInstanceId,
    elementId: task.elementId,
    name: task.name,
    processKey: task.processKey,
    businessKey: task.businessKey,
  };
  const added = await deps.db.transaction(async (tx) => {
    const fresh = await insertCopies(tx, row, usernames, by, comment, at);
    await appendHistory(tx, task.processInstanceId, [
      {
        at: at.toISOString(),
        type: 'task.cc',
        elementId: task.elementId,
        ...(by ? { actor: by } : {}),
        data: { taskId: task.id, taskName: task.name, usernames, ...(comment ? { comment } : {}) },
      },
    ]);
    return fresh;
  });
  await notifyAct(deps.db, {
    to: added,
    actor: by ?? '',
    title: `抄送：「${task.name}」${task.businessKey ? `（${task.businessKey}）` : ''}`,
    comment,
    instanceId: task.processInstanceId,
    kind: 'cc',
  });
  return added;
}

/** By hand: the caller already may see the task (the route read it as them); unknown or disabled names → 422. */
export async function copyTask(
  deps: ActDeps,
  user: RuntimeUser,
  task: CopiedTask,
  usernames: string[],
  comment?: string,
) {
  const people = await findHolders(deps.db, usernames, 'usernames');
  const copied = await copy(
    deps,
    task,
    people.map((p) => p.username).filter((u) => u !== user.username),
    user.username,
    comment,
  );
  return { copied };
}

/** The header's recipients: names as they are, `role@unit` as the enabled holders of that role there. */
async function recipientsOf(deps: ActDeps, header: string, variables: Vars): Promise<string[]> {
  let entries: string[];
  if (isFeel(header)) {
    if (!deps.calendar) return [];
    const env = { now: deps.clock.now().toISOString(), calendar: deps.calendar };
    const result = evaluateFeel(header, variables, env, { allowUnknownVariables: true });
    if (!result.ok) return [];
    const v = result.value;
    entries = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  } else entries = String(header).split(/[,，]/);
  const out = new Set<string>();
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    const at = raw.indexOf('@');
    if (at < 0) {
      out.add(raw);
      continue;
    }
    const role = raw.slice(0, at);
    const unit = raw.slice(at + 1) || undefined;
    for (const u of await usersWithRole(deps.db, role, isCountyWideRole(role) && !unit ? undefined : unit))
      out.add(u);
  }
  return [...out];
}

/**
 * After a completion: the diagram's `cc` header, evaluated against the instance's variables as the completion left
 * them. A name that is no enabled account is skipped (the diagram cannot be fixed by the approver at this point).
 */
export async function copyOnComplete(
  deps: ActDeps,
  task: CopiedTask,
  header: string | undefined,
  variables: Vars,
) {
  if (!header?.trim()) return [];
  const wanted = await recipientsOf(deps, header.trim(), variables);
  const enabled: string[] = [];
  for (const name of wanted) {
    try {
      enabled.push(...(await findHolders(deps.db, [name], 'cc')).map((h) => h.username));
    } catch {
      // not an enabled account: skipped
    }
  }
  return enabled.length > 0 ? copy(deps, task, enabled, null) : [];
}
