/** @module ui/pages/catalog/use-entry-form: the catalog-entry form's schema, used to label entry fields (loaded once). */
import { useEffect, useState } from 'react';
import { type FormRef, forms } from '../../api';

let cache: Promise<FormRef | undefined> | undefined;

export function useEntryForm(): FormRef | undefined {
  const [form, setForm] = useState<FormRef>();
  useEffect(() => {
    cache ??= forms.get('catalog-entry').catch(() => {
      cache = undefined;
      return undefined;
    });
    let alive = true;
    void cache.then((f) => alive && setForm(f));
    return () => {
      alive = false;
    };
  }, []);
  return form;
}
