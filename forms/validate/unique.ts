/**
 * @module The asynchronous 唯一性 check: values ajv collected under `x-unique: "catalog"`, asked of the injected
 * `valueTakenInCatalog`. The entry a submission is about (the ids it names under `x-catalog-entry`, as a 目录变更
 * does) is left out of the comparison, so changing one's own entry never clashes with itself.
 */
import type { Lang, RefChecks } from '../types';
import type { FoundRef, FoundUnique } from './ajv';

/** The values another entry already holds; each distinct (field, value) is asked once, all in parallel. */
export async function checkUnique(
  found: FoundUnique[],
  refs: FoundRef[],
  checks: RefChecks | undefined,
): Promise<FoundUnique[]> {
  const lookup = checks?.valueTakenInCatalog;
  if (!lookup || found.length === 0) return [];
  const own = [...new Set(refs.filter((r) => r.kind === 'catalogEntry').map((r) => r.id))];
  const answers = new Map<string, Promise<boolean>>();
  for (const u of found) {
    const k = JSON.stringify([u.field, u.value]);
    if (!answers.has(k)) answers.set(k, lookup(u.field, u.value, own));
  }
  const taken = new Set<string>();
  await Promise.all(
    [...answers].map(async ([k, p]) => {
      if (await p) taken.add(k);
    }),
  );
  return found.filter((u) => taken.has(JSON.stringify([u.field, u.value])));
}

/** Long values are cut in the message: the field is named, the value only recalled. */
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function uniqueMessage(field: string, value: string, lang: Lang): string {
  return lang === 'en'
    ? `${field} "${shown(value)}" is already used by another catalog entry; it must be unique in the catalog`
    : `「${field}」“${shown(value)}”已被其他目录条目使用，须在资源目录中唯一`;
}
