/** @module ui/lib/use-process-names: process key → display name from the latest definitions, loaded once per page. */
import { useEffect, useState } from 'react';
import { definitions, itemsOf, type ProcessDefinitionSummary } from '../api';

let cache: Promise<ProcessDefinitionSummary[]> | undefined;

export function useProcessDefinitions(): ProcessDefinitionSummary[] {
  const [defs, setDefs] = useState<ProcessDefinitionSummary[]>([]);
  useEffect(() => {
    cache ??= definitions
      .list({ latest: true, pageSize: 100 })
      .then(itemsOf)
      .catch(() => {
        cache = undefined;
        return [];
      });
    let alive = true;
    void cache.then((d) => alive && setDefs(d));
    return () => {
      alive = false;
    };
  }, []);
  return defs;
}

export function useProcessNames(): Record<string, string> {
  const defs = useProcessDefinitions();
  return Object.fromEntries(defs.map((d) => [d.key, d.name || d.key]));
}

/** After a deployment the next page asks again. */
export function invalidateProcessDefinitions(): void {
  cache = undefined;
}
