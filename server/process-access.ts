/**
 * @module Who may start which process: the starters a diagram declares on its process (zeebe property
 * `huiliu:starters`, a comma list of roles, each optionally `role@unitId`), set in the modeler. A process that
 * declares none may be started by its administrators only, so a process an administrator adds is closed until
 * it says who starts it. Timer and message starts do not pass here.
 */
// @ts-expect-error bpmn-moddle ships no type declarations for its ESM entry
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { getDefinition, latestDefinitionId } from '../engine/store';
import type { DbOrTx } from '../platform/db/db';
import { AppError } from '../platform/errors';
import type { SessionUser } from '../identity/store';

export const STARTERS_PROPERTY = 'huiliu:starters';

export interface Starter {
  role: string;
  /** Only users of this unit (a unit id such as `gaj`); absent = any unit. */
  unitId?: string;
}

/** `unit.cataloguer, authority.governance@dsj` → starters; blanks and empty items are ignored. */
export function parseStarters(value: string | undefined | null): Starter[] {
  return (value ?? '')
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const at = s.indexOf('@');
      if (at < 0) return { role: s };
      const unitId = s.slice(at + 1).trim();
      return { role: s.slice(0, at).trim(), ...(unitId ? { unitId } : {}) };
    });
}

type Moddle = any;
const moddle = new BpmnModdle({ zeebe });

/** The starters the process `processKey` of a diagram declares; none when it declares none (or cannot be read). */
export async function startersOfXml(xml: string, processKey: string): Promise<Starter[]> {
  let parsed: Moddle;
  try {
    parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch {
    return [];
  }
  const proc = (parsed.rootElement?.rootElements ?? []).find(
    (r: Moddle) => r.$type === 'bpmn:Process' && r.id === processKey,
  );
  const values: Moddle[] = proc?.extensionElements?.values ?? [];
  const props = values.filter((v) => v.$type === 'zeebe:Properties').flatMap((v) => v.properties ?? []);
  return props
    .filter((p: Moddle) => p.name === STARTERS_PROPERTY)
    .flatMap((p: Moddle) => parseStarters(p.value));
}

export function mayStart(user: SessionUser, starters: Starter[]): boolean {
  if (user.roles.includes('authority.admin')) return true;
  return starters.some((s) => user.roles.includes(s.role) && (!s.unitId || s.unitId === user.unitId));
}

// Versions are immutable, so a definition's starters are parsed once per process (bounded, oldest dropped).
const byDefinition = new Map<string, Promise<Starter[]>>();
const CACHE_MAX = 500;

export function startersOfDefinition(db: DbOrTx, definitionId: string): Promise<Starter[]> {
  let hit = byDefinition.get(definitionId);
  if (!hit) {
    hit = getDefinition(db, definitionId).then((d) => (d ? startersOfXml(d.xml, d.key) : []));
    hit.catch(() => byDefinition.delete(definitionId));
    if (byDefinition.size >= CACHE_MAX) byDefinition.delete(byDefinition.keys().next().value as string);
    byDefinition.set(definitionId, hit);
  }
  return hit;
}

/** Whether `user` may start the definition `definitionId` by hand (the list's `canStart`). */
export async function canStartDefinition(db: DbOrTx, user: SessionUser, definitionId: string) {
  if (user.roles.includes('authority.admin')) return true;
  return mayStart(user, await startersOfDefinition(db, definitionId));
}

/**
 * Refuses (403) a start by hand of the latest version of `processKey` by someone it does not name as a starter.
 * An undeployed key passes, so the runtime answers its own 404.
 */
export async function assertMayStart(db: DbOrTx, user: SessionUser, processKey: string) {
  const id = await latestDefinitionId(db, processKey);
  if (!id || (await canStartDefinition(db, user, id))) return;
  throw new AppError('FORBIDDEN', `无权发起流程 ${processKey}：流程未将您的角色列为发起人`, {
    messageEn: `You may not start ${processKey}: the process does not name your role among its starters`,
  });
}
