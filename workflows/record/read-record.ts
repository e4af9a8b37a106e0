/** @module Reads what the approval record needs (history, task rows, their forms, names) and applies the rule. */
import { getDefinition, listInstanceTasks, loadInstance, readHistory } from '../../engine/store';
import { getForm } from '../../forms';
import type { DbOrTx } from '../../platform/db/db';
import { peopleLabels } from './people';
import {
  type RecordForm,
  type RecordLine,
  type RecordStep,
  namedPeople,
  recordLines,
  stepFields,
} from './record-lines';

export interface InstanceRecord {
  lines: RecordLine[];
  /** Task id → its activation (the round a task is in: 整改反馈 第 2 轮). */
  rounds: Map<string, number>;
}

/** One form version per (key, version) for the whole read: an instance's tasks share a handful of forms. */
function formReader(db: DbOrTx) {
  const cache = new Map<string, Promise<RecordForm | undefined>>();
  return (key: string | null, version: number | null | undefined) => {
    if (!key) return Promise.resolve(undefined);
    const id = `${key}@${version ?? 'latest'}`;
    let found = cache.get(id);
    if (!found) {
      found = getForm(db, key, version ?? undefined).then((f) =>
        f
          ? {
              title: f.title,
              schema: f.schema as Record<string, unknown>,
              uiSchema: f.uiSchema as Record<string, unknown>,
            }
          : undefined,
      );
      cache.set(id, found);
    }
    return found;
  };
}

/** The approval record of an instance (the caller has checked the reader may see it); empty for an unknown id. */
export async function readInstanceRecord(db: DbOrTx, instanceId: string): Promise<InstanceRecord> {
  const instance = await loadInstance(db, instanceId);
  if (!instance) return { lines: [], rounds: new Map() };
  const [events, tasks, def] = await Promise.all([
    readHistory(db, instanceId),
    listInstanceTasks(db, instanceId),
    getDefinition(db, instance.definitionId),
  ]);
  const formOf = formReader(db);
  const startFormKey = def?.compiled.info.startFormKey;
  const startForm = startFormKey ? await formOf(startFormKey, def?.formBindings[startFormKey]) : undefined;
  const steps = new Map<string, RecordStep>();
  for (const t of tasks) {
    const form = await formOf(t.formKey, t.formVersion);
    steps.set(t.taskKey, {
      taskId: t.id,
      elementId: t.elementId,
      name: t.name,
      activation: t.activation,
      ...(form ? { form } : {}),
    });
  }
  const elementNames = new Map<string, string>();
  for (const u of def?.compiled.info.userTasks ?? []) if (u.name) elementNames.set(u.elementId, u.name);
  for (const t of tasks) elementNames.set(t.elementId, t.name);
  const people = await peopleLabels(db, namedPeople(events));
  const lines = recordLines({ events, steps, elementNames, people, ...(startForm ? { startForm } : {}) });
  // The start line shows what was submitted through the start form: the instance's values of its fields (a 修改
  // step resubmits the same form and has its own line with its own values).
  const start = lines.find((l) => l.kind === 'submit' && !l.taskId);
  if (start && startForm) start.fields = stepFields(startForm, instance.variables as Record<string, unknown>);
  return { lines, rounds: new Map(tasks.map((t) => [t.id, t.activation])) };
}
