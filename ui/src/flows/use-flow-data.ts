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

/** The top-level fields of a JSON Schema form, with a select's options. */
export function fieldsOf(schema: unknown): FieldOption[] {
  const props = (schema as { properties?: Record<string, Record<string, unknown>> })?.properties ?? {};
  return Object.entries(props).map(([key, p]) => {
    const one = Array.isArray(p.oneOf) ? (p.oneOf as { const?: unknown; title?: string }[]) : undefined;
    const en = Array.isArray(p.enum) ? (p.enum as (string | number)[]) : undefined;
    const options = one
      ? one
          .filter((o) => o.const !== undefined)
          .map((o) => ({ value: o.const as string, label: o.title ?? String(o.const) }))
      : en
        ? en.map((v) => ({ value: v, label: String(v) }))
        : p.type === 'boolean'
          ? [
              { value: true, label: '是' },
              { value: false, label: '否' },
            ]
          : undefined;
    return {
      key,
      title: (p.title as string) ?? key,
      type: p.type as string | undefined,
      ...(options ? { options } : {}),
    };
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

/** The start form's fields (for conditions, field access and "people in a form field"). */
export function useFormFields(formKey: string | undefined): FieldOption[] {
  const [fields, setFields] = useState<FieldOption[]>([]);
  useEffect(() => {
    if (!formKey) {
      setFields([]);
      return;
    }
    let alive = true;
    forms
      .get(formKey)
      .then((f) => alive && setFields(fieldsOf((f as { schema?: unknown }).schema)))
      .catch(() => alive && setFields([]));
    return () => {
      alive = false;
    };
  }, [formKey]);
  return fields;
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
