/** @module ui/i18n/locale: the zh/en switch: antd locale, our dictionary, and the API's Accept-Language move together. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setApiLanguage } from '../api';
import { en, type MessageKey, zh } from './messages';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'huiliu.lang';

interface LocaleValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const LocaleContext = createContext<LocaleValue | undefined>(undefined);

function initialLang(): Lang {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh';
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let text: string = (lang === 'en' ? en : zh)[key] ?? key;
  for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l);
    // antd's date pickers name months and weekdays through dayjs's global locale.
    dayjs.locale(l === 'en' ? 'en' : 'zh-cn');
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setApiLanguage(l);
    dayjs.locale(l === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
    setLangState(l);
  }, []);
  const value = useMemo<LocaleValue>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

export function useT(): LocaleValue['t'] {
  return useLocale().t;
}
