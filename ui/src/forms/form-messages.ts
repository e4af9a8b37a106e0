/** @module ui/forms/form-messages: the strings of our own fields and widgets (attachments, tables, pickers), zh first. */
import { useLocale } from '../i18n';

const zh = {
  'attachments.empty': '暂无附件',
  'attachments.upload': '上传附件',
  'attachments.pick': '{title}：选择文件',
  'attachments.remove': '删除',
  'table.add': '添加一行',
  'table.cell': '{title}第 {row} 行 {column}',
  'table.remove': '删除第 {row} 行',
  'picker.unit': '搜索单位名称',
  'picker.entry': '搜索目录名称或代码',
  'picker.system': '选择信息系统',
};
export type FormMessageKey = keyof typeof zh;

const en: Record<FormMessageKey, string> = {
  'attachments.empty': 'No attachments',
  'attachments.upload': 'Upload attachment',
  'attachments.pick': '{title}: choose files',
  'attachments.remove': 'Remove',
  'table.add': 'Add a row',
  'table.cell': '{title} row {row} {column}',
  'table.remove': 'Remove row {row}',
  'picker.unit': 'Search unit names',
  'picker.entry': 'Search catalog names or codes',
  'picker.system': 'Choose an information system',
};

export function useFormT() {
  const { lang } = useLocale();
  return (key: FormMessageKey, vars: Record<string, string | number> = {}) =>
    (lang === 'en' ? en : zh)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
