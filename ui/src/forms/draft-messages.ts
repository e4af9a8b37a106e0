/** @module ui/forms/draft-messages: the 暂存 and leave-guard strings, zh first. */
import { useLocale } from '../i18n';

const zh = {
  'draft.save': '暂存',
  'draft.saved': '已暂存，下次打开时恢复。',
  'draft.restored': '已恢复您 {at} 暂存的内容。',
  'draft.discard': '放弃暂存',
  'draft.discarded': '已放弃暂存的内容。',
  'leave.title': '有未保存的修改',
  'leave.body': '您填写的内容尚未提交，也未暂存。离开后这些内容将丢失。',
  'leave.saveAndLeave': '暂存并离开',
  'leave.discard': '不保存，离开',
  'leave.stay': '继续填写',
};
export type DraftMessageKey = keyof typeof zh;

const en: Record<DraftMessageKey, string> = {
  'draft.save': 'Save draft',
  'draft.saved': 'Draft saved; it comes back when you open this form again.',
  'draft.restored': 'Restored your draft saved at {at}.',
  'draft.discard': 'Discard draft',
  'draft.discarded': 'Draft discarded.',
  'leave.title': 'Unsaved changes',
  'leave.body': 'What you entered is neither submitted nor saved as a draft. It will be lost if you leave.',
  'leave.saveAndLeave': 'Save draft and leave',
  'leave.discard': 'Leave without saving',
  'leave.stay': 'Keep editing',
};

export function useDraftT() {
  const { lang } = useLocale();
  return (key: DraftMessageKey, vars: Record<string, string | number> = {}) =>
    (lang === 'en' ? en : zh)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
