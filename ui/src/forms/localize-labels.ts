/** @module ui/forms/localize-labels: rjsf's own strings (Add Item, Remove, Yes/No...) in Chinese, and uiSchema titles in English where given. */
import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';
import type { JsonSchema } from './schema-paths';

const ZH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '项',
  [TranslatableString.MissingItems]: '缺少 items 定义',
  [TranslatableString.EmptyArray]: '暂无内容，请点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.NewStringDefault]: '新值',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.OptionalObjectAdd]: '填写此可选项',
  [TranslatableString.OptionalObjectRemove]: '清除此可选项',
  [TranslatableString.OptionalObjectEmptyMsg]: '此可选项未填写',
  [TranslatableString.Type]: '类型',
  [TranslatableString.Value]: '值',
  [TranslatableString.ClearButton]: '清空',
  [TranslatableString.UnknownFieldType]: '未知字段类型 %1',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.KeyLabel]: '%1 键',
  [TranslatableString.UnsupportedField]: '不支持的字段定义。',
  [TranslatableString.FilesInfo]: '**%1**（%2，%3 字节）',
};

export function zhStringTranslator(s: TranslatableString, params?: string[]): string {
  const zh = ZH[s];
  return zh ? replaceStringParameters(zh, params) : englishStringTranslator(s, params);
}

/**
 * Forms are authored in Chinese; an author may add `ui:titleEn` / `ui:descriptionEn` beside a field's uiSchema.
 * In English mode those become ui:title / ui:description; nothing changes in Chinese mode.
 */
export function localizeFormLabels(uiSchema: JsonSchema, lang: 'zh' | 'en'): JsonSchema {
  if (lang === 'zh') return uiSchema;
  const walk = (node: unknown): unknown => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v);
    if (out['ui:titleEn']) out['ui:title'] = out['ui:titleEn'];
    if (out['ui:descriptionEn']) out['ui:description'] = out['ui:descriptionEn'];
    return out;
  };
  return walk(uiSchema) as JsonSchema;
}
