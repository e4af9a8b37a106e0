/** @module ui/i18n: zh-CN/en strings and the locale switch. */
export { LocaleProvider, type Lang, translate, useLocale, useT } from './locale';
export { en, type MessageKey, zh } from './messages';
