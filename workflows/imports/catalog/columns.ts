/** @module The catalog workbook's layout (docs/api.md): sheet 目录, one row per entry; sheet 数据项, one row per data item. */

export const ENTRY_SHEET = '目录';
export const ITEM_SHEET = '数据项';

export type CellKind = 'text' | 'choice' | 'period';

/** 目录 columns in order; `field` is the registration form's property (docs/processes.md "Catalog entry fields"). */
export const ENTRY_COLUMNS: readonly { header: string; field: string; kind: CellKind }[] = [
  { header: '所属单位代码', field: 'unitId', kind: 'text' },
  { header: '信息资源代码', field: 'resourceCode', kind: 'text' },
  { header: '信息资源名称', field: 'resourceName', kind: 'text' },
  { header: '信息系统名称', field: 'systemName', kind: 'text' },
  { header: '业务名称', field: 'businessName', kind: 'text' },
  { header: '分类', field: 'category', kind: 'choice' },
  { header: '存储格式', field: 'storageFormat', kind: 'choice' },
  { header: '共享属性', field: 'shareType', kind: 'choice' },
  { header: '共享条件', field: 'shareCondition', kind: 'text' },
  { header: '法律依据', field: 'shareLegalBasis', kind: 'text' },
  { header: '开放属性', field: 'openType', kind: 'choice' },
  { header: '开放条件', field: 'openCondition', kind: 'text' },
  { header: '提供方式', field: 'provision', kind: 'choice' },
  { header: '更新周期', field: 'updateCycle', kind: 'choice' },
  { header: '共享期限', field: 'sharePeriod', kind: 'period' },
];

export const ITEM_COLUMNS: readonly { header: string; field: string }[] = [
  { header: '信息资源代码', field: 'resourceCode' },
  { header: '数据项名称', field: 'name' },
  { header: '数据类型', field: 'type' },
  { header: '长度', field: 'length' },
  { header: '是否敏感', field: 'sensitive' },
];

export const headerOfEntryField = (field: string) => ENTRY_COLUMNS.find((c) => c.field === field)?.header;
export const headerOfItemField = (field: string) => ITEM_COLUMNS.find((c) => c.field === field)?.header;

export const YES = ['是', 'Y', 'y', 'true', 'TRUE', 'True', '1'];
export const NO = ['否', 'N', 'n', 'false', 'FALSE', 'False', '0'];
