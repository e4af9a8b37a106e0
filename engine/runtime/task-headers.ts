/**
 * @module A user task's custom headers (zeebe:taskHeaders) as drawn in its deployed definition: `cc` (抄送 on
 * completion) and `fieldAccess` (per-step field access). The engine's step does not need them, so they are read
 * from the definition's XML on demand, once per definition and element (deployed definitions never change).
 */
import { parseBpmn } from '../bpmn/parse';
import { ext } from '../elements/behaviors/zeebe';
import { loadInstance } from '../store';
import { definitionById } from './definitions';
import type { RuntimeContext } from './types';

type Headers = Record<string, string>;
const cache = new Map<string, Promise<Map<string, Headers>>>();

async function headersOfDefinition(rt: RuntimeContext, definitionId: string): Promise<Map<string, Headers>> {
  const def = await definitionById(rt, rt.db, definitionId);
  const parsed = await parseBpmn(def.xml);
  const out = new Map<string, Headers>();
  for (const process of parsed.processes)
    for (const el of process.elements.values()) {
      if (el.kind !== 'userTask') continue;
      const headers: Headers = {};
      for (const h of ext(el.source, 'zeebe:TaskHeaders')?.values ?? [])
        headers[String(h.key)] = String(h.value ?? '');
      out.set(el.id, headers);
    }
  return out;
}

/** The headers of one user task element of an instance's definition ({} when it has none). */
export async function userTaskHeaders(
  rt: RuntimeContext,
  instanceId: string,
  elementId: string,
): Promise<Headers> {
  const instance = await loadInstance(rt.db, instanceId);
  return instance ? taskHeadersOf(rt, instance.definitionId, elementId) : {};
}

/** The same for a caller that holds the instance row already (a completion): no read of its own. */
export async function taskHeadersOf(
  rt: RuntimeContext,
  definitionId: string,
  elementId: string,
): Promise<Headers> {
  let entry = cache.get(definitionId);
  if (!entry) {
    entry = headersOfDefinition(rt, definitionId);
    cache.set(definitionId, entry);
    entry.catch(() => cache.delete(definitionId));
  }
  return (await entry).get(elementId) ?? {};
}
