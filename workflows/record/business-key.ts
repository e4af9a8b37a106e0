/**
 * @module 业务编号: each instance of a process that declares a pattern (zeebe property `huiliu:businessKeyPattern` on
 * the process, e.g. `ML-{yyyy}-{seq:4}`) gets the next number of its process and year when it starts. The counter is
 * one row per (process, year) bumped by a single `INSERT … ON CONFLICT DO UPDATE … RETURNING`, which PostgreSQL
 * serialises on the row: several server processes on one database never hand out the same number. A start refused
 * after its number was taken leaves a gap; numbers are unique and increasing, not dense.
 */
// @ts-expect-error bpmn-moddle ships no type declarations for its ESM entry
import { BpmnModdle } from 'bpmn-moddle';
import { sql } from 'drizzle-orm';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { businessKeySequences } from './schema';

export const BUSINESS_KEY_PROPERTY = 'huiliu:businessKeyPattern';

const PLACEHOLDER = /\{(yyyy|seq(?::(\d))?)\}/g;

/** Why a pattern cannot number instances (Chinese, shown to the administrator); undefined when it can. */
export function businessKeyPatternIssue(pattern: string): string | undefined {
  if (pattern.length > 60) return '业务编号格式不能超过 60 个字符';
  const seqs = [...pattern.matchAll(PLACEHOLDER)].filter((m) => m[1].startsWith('seq'));
  if (seqs.length !== 1) return '业务编号格式须含且仅含一个 {seq} 或 {seq:N}（N 为 1–9 位）';
  const rest = pattern.replace(PLACEHOLDER, '');
  if (/[{}]/.test(rest)) return '业务编号格式只认 {yyyy} 与 {seq:N} 两种占位符';
  return undefined;
}

/** `ML-{yyyy}-{seq:4}`, 2026, 1 → `ML-2026-0001` (a number wider than N is written in full). */
export function formatBusinessKey(pattern: string, year: number, seq: number): string {
  return pattern.replace(PLACEHOLDER, (_, name: string, width?: string) =>
    name === 'yyyy' ? String(year) : String(seq).padStart(Number(width ?? 4), '0'),
  );
}

/** The year of an instant in China time (a start at 2026-12-31T20:00Z is 2027's). */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Takes the next number of (processKey, year): one statement, atomic under concurrency. */
export async function nextSequence(db: DbOrTx, processKey: string, year: number): Promise<number> {
  const rows = await db
    .insert(businessKeySequences)
    .values({ processKey, year, last: 1 })
    .onConflictDoUpdate({
      target: [businessKeySequences.processKey, businessKeySequences.year],
      set: { last: sql`${businessKeySequences.last} + 1` },
    })
    .returning({ last: businessKeySequences.last });
  return rows[0].last;
}

type Moddle = any;
const moddle = new BpmnModdle({ zeebe });
/** Definition id → its pattern (null: none). A deployed version's XML never changes, so the cache never goes stale. */
const patterns = new Map<string, Promise<string | null>>();

/** The pattern the process `processKey` of a diagram declares, or null (none, unreadable, or not a usable pattern). */
export async function businessKeyPatternOfXml(xml: string, processKey: string): Promise<string | null> {
  let parsed: Moddle;
  try {
    parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch {
    return null;
  }
  const proc = (parsed.rootElement?.rootElements ?? []).find(
    (r: Moddle) => r.$type === 'bpmn:Process' && r.id === processKey,
  );
  const values: Moddle[] = proc?.extensionElements?.values ?? [];
  const found = values
    .filter((v) => v.$type === 'zeebe:Properties')
    .flatMap((v) => v.properties ?? [])
    .find((p: Moddle) => p.name === BUSINESS_KEY_PROPERTY);
  const pattern = typeof found?.value === 'string' ? found.value.trim() : '';
  return pattern && !businessKeyPatternIssue(pattern) ? pattern : null;
}

/** Each process of a diagram and the pattern it declares (trimmed; '' when none); none for unreadable XML. */
async function declaredPatterns(xml: string): Promise<{ processId: string; pattern: string }[]> {
  let parsed: Moddle;
  try {
    parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch {
    return [];
  }
  return (parsed.rootElement?.rootElements ?? [])
    .filter((r: Moddle) => r.$type === 'bpmn:Process')
    .flatMap((proc: Moddle) =>
      (proc.extensionElements?.values ?? [])
        .filter((v: Moddle) => v.$type === 'zeebe:Properties')
        .flatMap((v: Moddle) => v.properties ?? [])
        .filter((p: Moddle) => p.name === BUSINESS_KEY_PROPERTY)
        .map((p: Moddle) => ({
          processId: String(proc.id),
          pattern: typeof p.value === 'string' ? p.value.trim() : '',
        })),
    );
}

/**
 * Before a deployment: a pattern that cannot number instances is refused (422, in Chinese) rather than silently
 * leaving the process unnumbered. Diagrams that do not parse are left to the deployment's own validation.
 */
export async function refuseBadBusinessKeyPatterns(
  resources: { name: string; content: string }[],
): Promise<void> {
  for (const r of resources) {
    if (!/\.(bpmn|xml)$/i.test(r.name) && !r.content.includes('bpmn:definitions')) continue;
    for (const { processId, pattern } of await declaredPatterns(r.content)) {
      const issue = pattern ? businessKeyPatternIssue(pattern) : '业务编号格式不能为空';
      if (!issue) continue;
      throw new AppError('VALIDATION_FAILED', `流程 ${processId} 的业务编号格式“${pattern}”无效：${issue}`, {
        messageEn: `Process ${processId}: the business key pattern "${pattern}" cannot be used (it needs exactly one {seq} or {seq:N}; only {yyyy} and {seq:N} are placeholders)`,
        details: [{ path: `${r.name}#${processId}/${BUSINESS_KEY_PROPERTY}`, message: issue }],
      });
    }
  }
}

export interface BusinessKeyRequest {
  db: DbOrTx;
  processKey: string;
  definitionId: string;
  xml: string;
  at: Date;
}

/** The runtime's `businessKeyFor` hook: the next 业务编号 of a process with a pattern, undefined for one without. */
export async function assignBusinessKey(r: BusinessKeyRequest): Promise<string | undefined> {
  let pattern = patterns.get(r.definitionId);
  if (!pattern) {
    pattern = businessKeyPatternOfXml(r.xml, r.processKey);
    patterns.set(r.definitionId, pattern);
  }
  const found = await pattern;
  if (!found) return undefined;
  const year = chinaYear(r.at);
  return formatBusinessKey(found, year, await nextSequence(r.db, r.processKey, year));
}
