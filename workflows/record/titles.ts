/**
 * @module Task titles (issue #17 item 3): what a task is about, built by its process's own builder
 * (`workflows/<process>/title.ts`) from the instance's business variables and its starter. A process without a
 * builder (one an administrator drew) gets its starter's unit and name, which still tells two rows apart.
 */
import { inArray } from 'drizzle-orm';
import { bulletinTitle } from '../bulletin/title';
import { catalogChangeTitle } from '../catalog-change/title';
import { catalogRegistrationTitle } from '../catalog-registration/title';
import { dataProblemTitle } from '../data-problem/title';
import { processInstances } from '../../engine/store';
import type { DbOrTx } from '../../platform/db/db';
import { peopleLabels } from './people';
import type { TitleBuilder, TitleInput } from './title-types';

const BUILDERS: Readonly<Record<string, TitleBuilder>> = {
  'catalog-registration': catalogRegistrationTitle,
  'catalog-change': catalogChangeTitle,
  'data-problem': dataProblemTitle,
  bulletin: bulletinTitle,
};

/** The title of one instance's business, or a line naming its starter; undefined when there is nothing to say. */
export function titleOf(processKey: string, input: TitleInput): string | undefined {
  const builder = Object.hasOwn(BUILDERS, processKey) ? BUILDERS[processKey] : undefined;
  const built = builder?.(input);
  if (built) return built;
  return input.starter ? `${input.starter.unitName} ${input.starter.name} 发起` : undefined;
}

/** Instance id → title, for a page of tasks (one query for the instances, one for their starters). */
export async function instanceTitles(
  db: DbOrTx,
  instanceIds: Iterable<string>,
): Promise<Map<string, string>> {
  const ids = [...new Set(instanceIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: processInstances.id,
      processKey: processInstances.processKey,
      variables: processInstances.variables,
      startedBy: processInstances.startedBy,
    })
    .from(processInstances)
    .where(inArray(processInstances.id, ids));
  const people = await peopleLabels(db, rows.map((r) => r.startedBy ?? '').filter(Boolean));
  const out = new Map<string, string>();
  for (const r of rows) {
    const p = r.startedBy ? people.get(r.startedBy) : undefined;
    const title = titleOf(r.processKey, {
      variables: r.variables,
      ...(p ? { starter: { name: p.name, unitName: p.unitName } } : {}),
    });
    if (title) out.set(r.id, title);
  }
  return out;
}

/** The tasks with their `title` (additive: a task whose instance says nothing keeps none). */
export async function withTitles<T extends { processInstanceId: string }>(
  db: DbOrTx,
  tasks: T[],
): Promise<(T & { title?: string })[]> {
  const titles = await instanceTitles(
    db,
    tasks.map((t) => t.processInstanceId),
  );
  return tasks.map((t) => {
    const title = titles.get(t.processInstanceId);
    return title ? { ...t, title } : t;
  });
}
