/** @module ui/flows/use-flow-data: what the pickers offer — roles, units, forms, the start form's fields, people. */
import { useEffect, useState } from 'react';
import { forms, itemsOf, request } from '../api';
import type { CatalogRole } from '../lib';

export interface FieldOption {
  key: string;
  title: string;
  type?: string;
  /** A select's options (oneOf const/title or enum), shown as a list in the condition builder. */
  options?: { value: string | number | boolean; label: string }[];
}

export interface FlowData {
  roles: CatalogRole[];
  units: { value: string; label: string }[];
  forms: { value: string; label: string }[];
}

type Prop = Record<string, unknown>;

/** A select's options (oneOf const/title, enum, or a yes/no for a boolean). */
function optionsOf(p: Prop): FieldOption['options'] {
  const one = Array.isArray(p.oneOf) ? (p.oneOf as { const?: unknown; title?: string }[]) : undefined;
  const en = Array.isArray(p.enum) ? (p.enum as (string | number)[]) : undefined;
  if (one)
    return one
      .filter((o) => o.const !== undefined)
      .map((o) => ({ value: o.const as string, label: o.title ?? String(o.const) }));
  if (en) return en.map((v) => ({ value: v, label: String(v) }));
  if (p.type === 'boolean')
    return [
      { value: true, label: '是' },
      { value: false, label: '否' },
    ];
}

/**
 * The fields of a JSON Schema form, with a select's options. A nested object's fields are listed by their dotted
 * path (`contact.phone`: a FEEL path and a field-access path alike), titled "对象 / 字段"; the object itself is not
 * a field a condition can compare. Lists (arrays) are one field each (people in a list field countersign).
 */
export function fieldsOf(schema: unknown, path = '', titlePath = ''): FieldOption[] {
  const props = (schema as { properties?: Record<string, Prop> })?.properties ?? {};
  return Object.entries(props).flatMap(([key, p]): FieldOption[] => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return [];
    const title = `${titlePath}${(p.title as string) ?? key}`;
    if (p.type === 'object' && p.properties) return fieldsOf(p, `${path}${key}.`, `${title} / `);
    const options = optionsOf(p);
    return [
      {
        key: `${path}${key}`,
        title,
        type: p.type as string | undefined,
        ...(options ? { options } : {}),
      },
    ];
  });
}

export function useFlowData(): FlowData {
  const [data, setData] = useState<FlowData>({ roles: [], units: [], forms: [] });
  useEffect(() => {
    let alive = true;
    // Each list on its own: one that fails leaves the others usable.
    const settle = <T>(p: Promise<T[] | { items: T[] }>) => p.then(itemsOf, () => [] as T[]);
    void Promise.all([
      settle(request<{ items: CatalogRole[] }>('/roles')),
      settle(request<{ id: string; name: string }[] | { items: { id: string; name: string }[] }>('/units')),
      settle(forms.list() as Promise<{ items: { key: string; title: string }[] }>),
    ]).then(([roles, units, list]) => {
      if (!alive) return;
      setData({
        roles,
        units: units.map((x) => ({ value: x.id, label: x.name })),
        forms: list.map((x) => ({ value: x.key, label: `${x.title}（${x.key}）` })),
      });
    });
    return () => {
      alive = false;
    };
  }, []);
  return data;
}

/** The fields of each named form (the start form and the steps' forms), loaded once per key. */
export function useFormFieldsByKey(keys: string[]): Map<string, FieldOption[]> {
  const [byKey, setByKey] = useState<Map<string, FieldOption[]>>(new Map());
  const wanted = [...new Set(keys)].sort().join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads what is missing when the set of forms changes
  useEffect(() => {
    let alive = true;
    const missing = wanted.split(',').filter((k) => k && !byKey.has(k));
    if (!missing.length) return;
    void Promise.all(
      missing.map((k) =>
        forms.get(k).then(
          (f) => [k, fieldsOf((f as { schema?: unknown }).schema)] as const,
          () => [k, [] as FieldOption[]] as const,
        ),
      ),
    ).then((loaded) => {
      if (alive) setByKey((old) => new Map([...old, ...loaded]));
    });
    return () => {
      alive = false;
    };
  }, [wanted]);
  return byKey;
}

/** People matching a name (GET /api/users?q=), for the 指定人员 picker. */
export async function searchUsers(q: string): Promise<{ value: string; label: string }[]> {
  const r = await request<{ items: { username: string; name: string; unitName?: string }[] }>('/users', {
    query: { q },
  });
  return r.items.map((u) => ({
    value: u.username,
    label: `${u.name}（${u.username}${u.unitName ? `，${u.unitName}` : ''}）`,
  }));
}
