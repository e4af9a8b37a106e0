/**
 * @module ui/designer/use-definition-check: asks the server (`POST /api/forms/check`, the same check saving runs)
 * what is wrong with the form while it is being designed, so problems show before "save" is pressed.
 * The designer does not know the form's key; a placeholder key is sent and key issues are ignored.
 */
import { useEffect, useState } from 'react';
import { request } from '../api';
import type { Unsupported } from './model';

const PLACEHOLDER_KEY = 'designer-check';
const DEBOUNCE_MS = 400;

export function useDefinitionCheck(
  value: { title: string; schema: unknown; uiSchema: unknown },
  enabled: boolean,
): Unsupported[] {
  const [issues, setIssues] = useState<Unsupported[]>([]);
  const body = JSON.stringify({
    key: PLACEHOLDER_KEY,
    title: value.title || '-',
    schema: value.schema,
    uiSchema: value.uiSchema,
  });
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      request<{ ok: boolean; issues: Unsupported[] }>('/forms/check', {
        method: 'POST',
        body: JSON.parse(body),
        signal: abort.signal,
      })
        .then((r) => setIssues(r.issues.filter((i) => i.path !== '/key' && i.path !== '/title')))
        // The check is advice; a failed call (offline, not an administrator) must not get in the way of editing.
        .catch(() => setIssues([]));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [body, enabled]);
  return enabled ? issues : [];
}

/** The top-level field a definition issue path points at (`/schema/properties/x/...` or `/uiSchema/x`), if any. */
export function fieldOfIssue(path: string): string | undefined {
  const m =
    /^\/schema\/(?:allOf\/\d+\/then\/)?properties\/([^/]+)/.exec(path) ??
    /^\/uiSchema\/([^/:]+)(?:\/|$)/.exec(path);
  return m ? m[1].replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}
