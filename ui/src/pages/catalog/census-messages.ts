/** @module ui/pages/catalog/census-messages: the census's zh/en strings (Chinese first), kept beside it. */
import { useLocale } from '../../i18n';

const zh = {
  tab: '信息系统普查',
  entriesTab: '资源目录',
  title: '信息系统普查',
  hint: '登记本单位的信息系统；目录注册时从这里选择信息系统。',
  hintAll: '各单位目录编制员登记的信息系统，可按单位筛选。',
  unit: '单位',
  allUnits: '全部单位',
  name: '信息系统名称',
  description: '说明',
  updatedAt: '更新时间',
  actions: '操作',
  add: '登记信息系统',
  edit: '编辑',
  editTitle: '修改信息系统',
  save: '保存',
  cancel: '取消',
  nameRequired: '请填写信息系统名称',
  added: '已登记“{name}”',
  saved: '已保存',
  empty: '尚未登记信息系统',
  count: '共 {n} 个',
  buildMode: '建设方式',
  'buildMode.self-built': '自建',
  'buildMode.co-built': '共建',
  'buildMode.deployed-from-above': '上级部署',
  status: '状态',
  'status.in-use': '在用',
  'status.stopped': '停用',
  'status.migrating': '迁移中',
  maintainer: '运维单位',
  launchDate: '上线时间',
  deployment: '部署位置',
  'deployment.local-room': '本地机房',
  'deployment.gov-cloud': '政务云',
  onCountyPlatform: '已迁入县平台',
  yes: '是',
  no: '否',
  retire: '退役',
  retireConfirm: '确认“{name}”已下线退役？退役后不能再登记目录条目。',
  retired: '已退役',
  uncatalogued: '未编目的信息系统（普查无遗漏：在用但没有任何有效目录条目）',
  uncataloguedNone: '所有在用的信息系统都已编目',
};

export type CensusKey = keyof typeof zh;

const en: Record<CensusKey, string> = {
  tab: 'Information systems',
  entriesTab: 'Resource catalog',
  title: 'Information-system census',
  hint: "Your unit's information systems; catalog registrations pick their system from this list.",
  hintAll: "The information systems each unit's cataloguers have registered; filter by unit.",
  unit: 'Unit',
  allUnits: 'All units',
  name: 'System name',
  description: 'Description',
  updatedAt: 'Updated',
  actions: 'Actions',
  add: 'Add a system',
  edit: 'Edit',
  editTitle: 'Edit system',
  save: 'Save',
  cancel: 'Cancel',
  nameRequired: 'The system name is required',
  added: '"{name}" added',
  saved: 'Saved',
  empty: 'No information systems yet',
  count: '{n} in all',
  buildMode: 'Built by',
  'buildMode.self-built': 'Self-built',
  'buildMode.co-built': 'Co-built',
  'buildMode.deployed-from-above': 'Deployed from above',
  status: 'Status',
  'status.in-use': 'In use',
  'status.stopped': 'Stopped',
  'status.migrating': 'Migrating',
  maintainer: 'Maintained by',
  launchDate: 'Launched',
  deployment: 'Deployed in',
  'deployment.local-room': 'Local machine room',
  'deployment.gov-cloud': 'Government cloud',
  onCountyPlatform: 'On the county platform',
  yes: 'Yes',
  no: 'No',
  retire: 'Retire',
  retireConfirm: 'Retire "{name}"? No new catalog entries can name it afterwards.',
  retired: 'Retired',
  uncatalogued: 'Systems in use without any active catalog entry',
  uncataloguedNone: 'Every system in use has catalog entries',
};

export type CensusT = (key: CensusKey, vars?: Record<string, string | number>) => string;

export function useCensusT(): CensusT {
  const { lang } = useLocale();
  return (key, vars) => {
    let text = (lang === 'en' ? en : zh)[key];
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
