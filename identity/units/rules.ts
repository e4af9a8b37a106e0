/** @module Unit rules shared by the admin API and the workbook import: code format, name length, kinds and their labels. */
import type { UnitKind } from './store';

/** Letters, digits, `.`, `_`, `-`; starts with a letter or digit. Room for a 统一社会信用代码 (18 characters). */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
export const MAX_UNIT_NAME = 100;

export const UNIT_KIND_LABELS: Record<UnitKind, { zh: string; en: string }> = {
  authority: { zh: '大数据主管部门', en: 'Big-data authority' },
  department: { zh: '县级部门', en: 'County department' },
  town: { zh: '乡镇/街道', en: 'Town or subdistrict' },
  'public-service': { zh: '公共服务单位', en: 'Public-service unit' },
};

export interface UnitIssue {
  field: 'code' | 'name' | 'kind';
  message: string;
  messageEn: string;
}

export function codeIssue(code: string): UnitIssue | undefined {
  if (UNIT_CODE_PATTERN.test(code)) return undefined;
  return {
    field: 'code',
    message: `单位代码“${code}”格式不正确：只能包含字母、数字、“.”“_”“-”，最长 40 个字符`,
    messageEn: `Unit code "${code}" must be letters, digits, ".", "_" or "-", at most 40 characters`,
  };
}

export function nameIssue(name: string): UnitIssue | undefined {
  if (name.length === 0)
    return { field: 'name', message: '单位名称不能为空', messageEn: 'Unit name is required' };
  if (name.length > MAX_UNIT_NAME)
    return {
      field: 'name',
      message: `单位名称不能超过 ${MAX_UNIT_NAME} 个字符`,
      messageEn: `Unit name must be at most ${MAX_UNIT_NAME} characters`,
    };
  return undefined;
}

/**
 * The county has one authority (大数据主管部门): it holds the county-wide roles and the first administrator, so no
 * other unit becomes one, and it never stops being one.
 */
export function kindIssue(kind: UnitKind, current?: UnitKind): UnitIssue | undefined {
  if (kind === 'authority' && current !== 'authority')
    return {
      field: 'kind',
      message: '全县只有一个大数据主管部门，不能再把其他单位设为该类型',
      messageEn: 'The county has one big-data authority; another unit cannot take that kind',
    };
  if (current === 'authority' && kind !== 'authority')
    return {
      field: 'kind',
      message: '大数据主管部门的类型不能修改',
      messageEn: "The big-data authority's kind cannot be changed",
    };
  return undefined;
}

/** A kind from its key or its Chinese label (workbooks carry labels). */
export function kindOf(text: string): UnitKind | undefined {
  const t = text.trim();
  for (const [k, label] of Object.entries(UNIT_KIND_LABELS) as [UnitKind, { zh: string; en: string }][])
    if (t === k || t === label.zh) return k;
  return undefined;
}
