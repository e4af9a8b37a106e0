/** @module The asynchronous reference checks: values ajv collected under x-unit / x-catalog-entry / x-attachment, asked of the injected checks. */
import type { Lang, RefChecks } from '../types';
import type { FoundRef, RefKind } from './ajv';

const CHECK: Record<RefKind, 'unitExists' | 'catalogEntryVisible' | 'attachmentOwned'> = {
  unit: 'unitExists',
  catalogEntry: 'catalogEntryVisible',
  attachment: 'attachmentOwned',
};
const ZH: Record<RefKind, string> = {
  unit: '所选单位不存在',
  catalogEntry: '所选目录条目不存在或您无权查看',
  attachment: '附件不存在或不是您上传的',
};
const EN: Record<RefKind, string> = {
  unit: 'refers to a unit that does not exist',
  catalogEntry: 'refers to a catalog entry that does not exist or that you may not see',
  attachment: 'refers to an attachment that does not exist or is not yours',
};

/** Each distinct (kind, id) is asked once, all in parallel; a kind without an injected check is not checked. */
export async function checkRefs(found: FoundRef[], refs: RefChecks | undefined): Promise<FoundRef[]> {
  if (!refs || found.length === 0) return [];
  const answers = new Map<string, Promise<boolean>>();
  for (const r of found) {
    const check = refs[CHECK[r.kind]];
    const k = `${r.kind}:${r.id}`;
    if (check && !answers.has(k)) answers.set(k, check(r.id));
  }
  const resolved = new Map<string, boolean>();
  await Promise.all([...answers].map(async ([k, p]) => resolved.set(k, await p)));
  const seen = new Set<string>();
  return found.filter((r) => {
    const k = `${r.kind}:${r.id}`;
    if (resolved.get(k) !== false || seen.has(`${k}@${r.path}`)) return false;
    seen.add(`${k}@${r.path}`);
    return true;
  });
}

export function refMessage(kind: RefKind, field: string, lang: Lang): string {
  return lang === 'en' ? `${field} ${EN[kind]}` : `「${field}」${ZH[kind]}`;
}
