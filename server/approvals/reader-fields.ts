/**
 * @module What of an instance's data its reader may not see, by the steps' field access (#9). A task's own form
 * applies its step's `fieldAccess` (field-access.ts); the instance, its history and its approval record are read
 * outside any one task, so the reader's steps decide:
 * - a field hidden at some step stays visible to whoever has a step that shows it: a task at a step that does not
 *   hide it (one they hold, held, completed, delegated or may claim: what `GET /api/tasks/{id}` already gives
 *   them), or the start form, for the instance's starter, when it is one of that form's fields (they typed it);
 * - everyone else who may see the instance (its unit, county-wide roles, people it was copied to) gets none of
 *   the fields any step hides: the diagram said who may not see them and named nobody else who may.
 * A process whose steps hide nothing costs one cached look at its definition.
 */
import type { HistoryEvent } from '../../engine/contract';
import { canSeeTask, type InstanceDto, type Runtime, type RuntimeUser } from '../../engine/runtime';
import { getDefinition, listInstanceTasks, loadInstance } from '../../engine/store';
import { getForm } from '../../forms';
import type { DbOrTx } from '../../platform/db/db';
import type { RecordLine } from '../../workflows/record';
import { type FieldAccess, parseFieldAccess, withoutHidden } from './field-access';

export interface ReaderDeps {
  db: DbOrTx;
  runtime: Runtime;
}

/** Per definition: each user task's hidden paths, and the start form's top-level fields. */
interface DefinitionAccess {
  hiddenAt: Map<string, Set<string>>;
  anyHidden: Set<string>;
  startFields: Set<string>;
}

// Deployed definitions (their headers and form bindings) never change: one look per definition per process.
const byDefinition = new Map<string, Promise<DefinitionAccess>>();

async function definitionAccess(
  deps: ReaderDeps,
  instanceId: string,
  definitionId: string,
): Promise<DefinitionAccess> {
  const def = await getDefinition(deps.db, definitionId);
  const hiddenAt = new Map<string, Set<string>>();
  for (const u of def?.compiled.info.userTasks ?? []) {
    const access = parseFieldAccess(
      (await deps.runtime.userTaskHeaders(instanceId, u.elementId)).fieldAccess,
    );
    const hidden = Object.keys(access).filter((p) => access[p] === 'hidden');
    if (hidden.length) hiddenAt.set(u.elementId, new Set(hidden));
  }
  const anyHidden = new Set([...hiddenAt.values()].flatMap((s) => [...s]));
  const startKey = def?.compiled.info.startFormKey;
  const startForm =
    anyHidden.size && startKey ? await getForm(deps.db, startKey, def?.formBindings[startKey]) : undefined;
  const props = (startForm?.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return { hiddenAt, anyHidden, startFields: new Set(Object.keys(props)) };
}

function accessOf(deps: ReaderDeps, instanceId: string, definitionId: string): Promise<DefinitionAccess> {
  let found = byDefinition.get(definitionId);
  if (!found) {
    found = definitionAccess(deps, instanceId, definitionId);
    byDefinition.set(definitionId, found);
    found.catch(() => byDefinition.delete(definitionId));
  }
  return found;
}

/** The fields of the instance `reader` may not see, as field access (`{path: 'hidden'}`); {} when none. */
export async function hiddenFromReader(
  deps: ReaderDeps,
  reader: RuntimeUser,
  instanceId: string,
): Promise<FieldAccess> {
  const instance = await loadInstance(deps.db, instanceId);
  if (!instance) return {};
  const def = await accessOf(deps, instanceId, instance.definitionId);
  if (def.anyHidden.size === 0) return {};
  const policy = deps.runtime.context.roles;
  const mine = (await listInstanceTasks(deps.db, instanceId)).filter(
    (t) => t.completedBy === reader.username || t.owner === reader.username || canSeeTask(reader, t, policy),
  );
  const shown = (path: string) =>
    mine.some((t) => !def.hiddenAt.get(t.elementId)?.has(path)) ||
    (instance.startedBy === reader.username && def.startFields.has(path.split('.')[0]));
  return Object.fromEntries(
    [...def.anyHidden].filter((p) => !shown(p)).map((p) => [p, 'hidden']),
  ) as FieldAccess;
}

const isHidden = (key: string, hidden: FieldAccess) =>
  Object.keys(hidden).some((p) => p === key || p.startsWith(`${key}.`));

/** The instance as its reader may see it: hidden fields gone from its variables. */
export function instanceForReader<T extends Pick<InstanceDto, 'variables'>>(
  instance: T,
  hidden: FieldAccess,
): T {
  return { ...instance, variables: withoutHidden(instance.variables as Record<string, unknown>, hidden) };
}

/** History events carry what each completion submitted (`data.variables`): hidden fields gone from there too. */
export function historyForReader<T extends Pick<HistoryEvent, 'data'>>(
  events: T[],
  hidden: FieldAccess,
): T[] {
  if (Object.keys(hidden).length === 0) return events;
  return events.map((e) => {
    const data = e.data as { variables?: unknown } | undefined;
    const vars = data?.variables;
    if (!vars || typeof vars !== 'object' || Array.isArray(vars)) return e;
    return { ...e, data: { ...data, variables: withoutHidden(vars as Record<string, unknown>, hidden) } };
  });
}

/** Record lines without the hidden fields (a line names a form's top-level field; a hidden part of it hides it). */
export function recordForReader(lines: RecordLine[], hidden: FieldAccess): RecordLine[] {
  if (Object.keys(hidden).length === 0) return lines;
  return lines.map((l) => ({ ...l, fields: l.fields.filter((f) => !isHidden(f.key, hidden)) }));
}

/** An instance answered to `reader` (after an act, or on a read): hiddenFromReader, then instanceForReader. */
export async function instanceSeenBy<T extends Pick<InstanceDto, 'id' | 'variables'>>(
  deps: ReaderDeps,
  reader: RuntimeUser,
  instance: T,
): Promise<T> {
  return instanceForReader(instance, await hiddenFromReader(deps, reader, instance.id));
}
