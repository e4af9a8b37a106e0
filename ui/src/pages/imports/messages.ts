/** @module ui/pages/imports/messages: the Excel import dialog's and the catalog export's zh/en strings (Chinese first). */
import { useLocale } from '../../i18n';

const zh = {
  'import.button.units': '导入单位',
  'import.button.users': '导入用户',
  'import.button.catalog': '导入目录',
  'import.button.systems': '导入信息系统',
  'import.title.units': '从 Excel 导入单位',
  'import.title.users': '从 Excel 导入用户',
  'import.title.catalog': '从 Excel 导入资源目录',
  'import.title.systems': '从 Excel 导入信息系统普查',
  'import.step1': '1. 下载模板，按“说明”工作表填写',
  'import.template': '下载模板',
  'import.step2': '2. 选择填好的 .xlsx 文件（不超过 20 MB）',
  'import.pick': '选择文件',
  'import.tooLarge': '文件超过 20 MB 的上限',
  'import.step3': '3. 先检查（不写入），没有错误后再导入',
  'import.check': '检查',
  'import.commit': '导入',
  'import.uploading': '正在上传 {percent}%',
  'import.parsing': '服务器正在解析和检查文件…',
  'import.summary': '共 {rows} 行：新增 {created}，更新 {updated}，无变化 {unchanged}',
  'import.clean': '检查通过，可以导入',
  'import.hasErrors': '发现 {n} 处错误，请修改文件后重新选择并检查。整个文件都不会写入。',
  'import.done': '导入完成：新增 {created}，更新 {updated}，无变化 {unchanged}',
  'import.sheet': '工作表',
  'import.row': '行',
  'import.column': '列',
  'import.message': '问题',
  'import.passwords': '新账号的一次性密码（只显示这一次，请立即下载并妥善转交；首次登录须修改）',
  'import.passwordsDownload': '下载密码清单（CSV）',
  'import.username': '用户名',
  'import.oneTimePassword': '一次性密码',
  'import.close': '关闭',
  'export.catalog': '导出 Excel',
} as const;

export type ImportMessageKey = keyof typeof zh;

const en: Record<ImportMessageKey, string> = {
  'import.button.units': 'Import units',
  'import.button.users': 'Import users',
  'import.button.catalog': 'Import catalog',
  'import.button.systems': 'Import systems',
  'import.title.units': 'Import units from Excel',
  'import.title.users': 'Import users from Excel',
  'import.title.catalog': 'Import the catalog from Excel',
  'import.title.systems': 'Import the system census from Excel',
  'import.step1': '1. Download the template and fill it in as its 说明 sheet explains',
  'import.template': 'Download template',
  'import.step2': '2. Pick the filled-in .xlsx file (at most 20 MB)',
  'import.pick': 'Pick file',
  'import.tooLarge': 'The file exceeds the 20 MB limit',
  'import.step3': '3. Check first (nothing is written), then import when there are no errors',
  'import.check': 'Check',
  'import.commit': 'Import',
  'import.uploading': 'Uploading {percent}%',
  'import.parsing': 'The server is reading and checking the file…',
  'import.summary': '{rows} rows: {created} new, {updated} updated, {unchanged} unchanged',
  'import.clean': 'No errors: ready to import',
  'import.hasErrors':
    '{n} errors found. Fix the file, pick it again and check. Nothing of the file is written.',
  'import.done': 'Imported: {created} new, {updated} updated, {unchanged} unchanged',
  'import.sheet': 'Sheet',
  'import.row': 'Row',
  'import.column': 'Column',
  'import.message': 'Problem',
  'import.passwords':
    'One-time passwords of the new accounts (shown only now: download and hand them over; they must be changed at first login)',
  'import.passwordsDownload': 'Download the list (CSV)',
  'import.username': 'Username',
  'import.oneTimePassword': 'One-time password',
  'import.close': 'Close',
  'export.catalog': 'Export Excel',
};

export function importTranslate(
  lang: 'zh' | 'en',
  key: ImportMessageKey,
  vars: Record<string, string | number> = {},
) {
  const text: string = (lang === 'en' ? en : zh)[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function useImportT() {
  const { lang } = useLocale();
  return (key: ImportMessageKey, vars?: Record<string, string | number>) => importTranslate(lang, key, vars);
}
