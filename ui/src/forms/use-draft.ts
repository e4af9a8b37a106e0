/**
 * @module ui/forms/use-draft: 暂存 of a task or start form (GET/PUT/DELETE /api/drafts/{kind}/{ref}) and whether the
 * form holds changes that are neither submitted nor saved. Only a change after the user touched the form counts:
 * rjsf reports its own defaults through onChange on mount, which would otherwise look like an edit.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../api/client';

export type DraftKind = 'task' | 'start';
export interface SavedDraft {
  data: Record<string, unknown>;
  updatedAt: string;
}

const path = (kind: DraftKind, ref: string) => `/drafts/${kind}/${encodeURIComponent(ref)}`;
export const draftsApi = {
  get: (kind: DraftKind, ref: string) => request<{ draft: SavedDraft | null }>(path(kind, ref)),
  save: (kind: DraftKind, ref: string, data: Record<string, unknown>) =>
    request<SavedDraft>(path(kind, ref), { method: 'PUT', body: { data } }),
  discard: (kind: DraftKind, ref: string) =>
    request<{ removed: boolean }>(path(kind, ref), { method: 'DELETE' }),
};

export interface FormDraft {
  /** False until the saved draft (if any) has been read: render the form only then, so it starts from the draft. */
  ready: boolean;
  /** The draft the form was restored from, if any. */
  restored?: SavedDraft;
  /** Changes since the form opened or was last saved, after the user touched it. */
  dirty: boolean;
  /** Bumps when the form must start again (a discarded draft): use it in the form's key. */
  generation: number;
  /** Give to the form's onChange. */
  track: (data: Record<string, unknown>) => void;
  /** Call from the form container's pointer and key events. */
  touch: () => void;
  save: () => Promise<void>;
  discard: () => Promise<void>;
  /** After a successful submit: nothing left to lose. */
  markClean: () => void;
}

export function useFormDraft(kind: DraftKind, ref: string, enabled: boolean): FormDraft {
  const key = `${kind}/${ref}`;
  // Which key's draft has been read: a render between enabling and the effect must not count as ready.
  const [loadedKey, setLoadedKey] = useState<string>();
  const [restored, setRestored] = useState<SavedDraft>();
  const [dirty, setDirty] = useState(false);
  const [generation, setGeneration] = useState(0);
  const current = useRef<Record<string, unknown> | undefined>(undefined);
  const baseline = useRef<string | undefined>(undefined);
  const touched = useRef(false);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    draftsApi
      .get(kind, ref)
      .then((res) => live && setRestored(res.draft ?? undefined))
      // A draft that cannot be read must not keep the form from opening.
      .catch(() => undefined)
      .finally(() => live && setLoadedKey(`${kind}/${ref}`));
    return () => {
      live = false;
    };
  }, [kind, ref, enabled]);
  const ready = !enabled || loadedKey === key;

  const track = useCallback((data: Record<string, unknown>) => {
    current.current = data;
    const text = JSON.stringify(data);
    if (!touched.current) {
      baseline.current = text;
      return;
    }
    setDirty(text !== baseline.current);
  }, []);
  const touch = useCallback(() => {
    touched.current = true;
  }, []);
  const save = useCallback(async () => {
    // The form has not reported any data yet (untouched): what it shows is already the draft or the prefill.
    const data = current.current;
    if (!data) return;
    await draftsApi.save(kind, ref, data);
    baseline.current = JSON.stringify(data);
    setDirty(false);
  }, [kind, ref]);
  const discard = useCallback(async () => {
    await draftsApi.discard(kind, ref);
    setRestored(undefined);
    touched.current = false;
    baseline.current = undefined;
    setDirty(false);
    setGeneration((g) => g + 1);
  }, [kind, ref]);
  const markClean = useCallback(() => {
    touched.current = false;
    setDirty(false);
  }, []);
  return { ready, restored, dirty, generation, track, touch, save, discard, markClean };
}
