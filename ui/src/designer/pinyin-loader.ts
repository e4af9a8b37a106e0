/**
 * @module ui/designer/pinyin-loader: pinyin-pro, loaded once and only when a designer opens (its dictionary is the
 * bulk of it), as the `ToSyllables` title-key.ts needs. Until it has loaded, keys are the plain `field1`… names.
 */
import { useEffect, useState } from 'react';
import type { ToSyllables } from './title-key';

let loading: Promise<ToSyllables> | undefined;

export function loadPinyin(): Promise<ToSyllables> {
  loading ??= import('pinyin-pro').then(
    ({ pinyin }) =>
      (han: string) =>
        pinyin(han, { toneType: 'none', type: 'array', v: true }),
  );
  return loading;
}

/** The converter once loaded (undefined before, or if the chunk could not load: keys then stay `field1`…). */
export function usePinyin(): ToSyllables | undefined {
  const [convert, setConvert] = useState<{ fn: ToSyllables }>();
  useEffect(() => {
    let live = true;
    loadPinyin().then(
      (fn) => live && setConvert({ fn }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return convert?.fn;
}
