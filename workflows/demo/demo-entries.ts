/** @module Demo catalog content for the embedded default: published entries of 县公安局 and 县卫生健康局. */
import type { Json } from '../../engine/contract';

type Item = [name: string, type: string, length: number | null, sensitive: boolean];

export interface DemoEntry {
  unitId: string;
  systemName: string;
  systemDescription: string;
  fields: Record<string, Json>;
}

const items = (rows: Item[]): Json =>
  rows.map(
    ([name, type, length, sensitive]): Json =>
      length === null ? { name, type, sensitive } : { name, type, length, sensitive },
  );

const entry = (
  unitId: string,
  system: [string, string],
  f: Record<string, Json>,
  rows: Item[],
): DemoEntry => ({
  unitId,
  systemName: system[0],
  systemDescription: system[1],
  fields: { systemName: system[0], ...f, dataItems: items(rows) },
});

const GAJ_HZ: [string, string] = ['人口信息管理系统', '户籍登记、迁移与居民身份证管理'];
const GAJ_JJ: [string, string] = ['交通管理综合应用平台', '机动车、驾驶人与交通违法管理'];
const WJJ_JK: [string, string] = ['全民健康信息平台', '电子健康档案与医疗服务数据汇聚'];
const WJJ_FY: [string, string] = ['妇幼保健信息系统', '出生医学证明与妇幼健康服务'];

export const DEMO_ENTRIES: DemoEntry[] = [
  entry(
    'gaj',
    GAJ_HZ,
    {
      businessName: '户籍管理',
      resourceName: '常住人口基本信息',
      resourceCode: 'XC-GAJ-0001',
      category: 'basic',
      storageFormat: 'database',
      shareType: 'conditional',
      shareCondition: '用于政务服务身份核验, 按需申请',
      openType: 'forbidden',
      provision: 'api',
      updateCycle: 'daily',
      sharePeriod: 'long-term',
    },
    [
      ['公民身份号码', 'string', 18, true],
      ['姓名', 'string', 50, true],
      ['性别', 'string', 2, false],
      ['出生日期', 'date', null, true],
      ['民族', 'string', 20, false],
      ['户籍地址', 'string', 200, true],
    ],
  ),
  entry(
    'gaj',
    GAJ_HZ,
    {
      businessName: '户籍管理',
      resourceName: '户籍迁移登记信息',
      resourceCode: 'XC-GAJ-0002',
      category: 'basic',
      storageFormat: 'database',
      shareType: 'conditional',
      shareCondition: '限教育、人社、民政部门办理相关业务使用',
      openType: 'forbidden',
      provision: 'table',
      updateCycle: 'daily',
      sharePeriod: 'long-term',
    },
    [
      ['公民身份号码', 'string', 18, true],
      ['迁入地', 'string', 200, false],
      ['迁出地', 'string', 200, false],
      ['迁移日期', 'date', null, false],
      ['迁移原因', 'string', 100, false],
    ],
  ),
  entry(
    'gaj',
    GAJ_JJ,
    {
      businessName: '机动车管理',
      resourceName: '机动车登记信息',
      resourceCode: 'XC-GAJ-0003',
      category: 'departmental',
      storageFormat: 'database',
      shareType: 'unconditional',
      openType: 'restricted',
      openCondition: '脱敏后按统计口径开放',
      provision: 'api',
      updateCycle: 'daily',
      sharePeriod: 'long-term',
    },
    [
      ['号牌号码', 'string', 20, false],
      ['车辆类型', 'string', 20, false],
      ['所有人姓名', 'string', 50, true],
      ['初次登记日期', 'date', null, false],
      ['使用性质', 'string', 20, false],
    ],
  ),
  entry(
    'wjj',
    WJJ_FY,
    {
      businessName: '出生医学证明管理',
      resourceName: '出生医学证明信息',
      resourceCode: 'XC-WJJ-0001',
      category: 'basic',
      storageFormat: 'database',
      shareType: 'conditional',
      shareCondition: '用于新生儿落户、医保参保等“出生一件事”联办',
      openType: 'forbidden',
      provision: 'api',
      updateCycle: 'realtime',
      sharePeriod: 'long-term',
    },
    [
      ['出生医学证明编号', 'string', 20, false],
      ['新生儿姓名', 'string', 50, true],
      ['出生时间', 'datetime', null, true],
      ['母亲身份证号', 'string', 18, true],
      ['出生地点', 'string', 200, false],
    ],
  ),
  entry(
    'wjj',
    WJJ_JK,
    {
      businessName: '医疗机构管理',
      resourceName: '医疗机构执业登记信息',
      resourceCode: 'XC-WJJ-0002',
      category: 'thematic',
      storageFormat: 'database',
      shareType: 'unconditional',
      openType: 'unconditional',
      provision: 'file',
      updateCycle: 'monthly',
      sharePeriod: 'long-term',
    },
    [
      ['机构名称', 'string', 100, false],
      ['统一社会信用代码', 'string', 18, false],
      ['执业地址', 'string', 200, false],
      ['诊疗科目', 'string', 500, false],
      ['有效期至', 'date', null, false],
    ],
  ),
  entry(
    'wjj',
    WJJ_JK,
    {
      businessName: '预防接种',
      resourceName: '儿童预防接种记录',
      resourceCode: 'XC-WJJ-0003',
      category: 'departmental',
      storageFormat: 'database',
      shareType: 'conditional',
      shareCondition: '限入学入托查验使用',
      openType: 'forbidden',
      provision: 'api',
      updateCycle: 'daily',
      sharePeriod: '2030-12-31',
    },
    [
      ['儿童身份证号', 'string', 18, true],
      ['疫苗名称', 'string', 50, false],
      ['接种日期', 'date', null, false],
      ['接种剂次', 'number', 2, false],
      ['接种单位', 'string', 100, false],
    ],
  ),
];

/** Problems the demo opens on these entries, reported by 县人力社保局 and 县卫生健康局 (days ago, urgent). */
export const DEMO_PROBLEMS: {
  code: string;
  reporter: string;
  problemType: string;
  description: string;
  daysAgo: number;
  urgent: boolean;
}[] = [
  {
    code: 'XC-GAJ-0001',
    reporter: 'rsj.feedback',
    problemType: 'error',
    description: '部分人员出生日期与社保登记不一致(约30条)',
    daysAgo: 12,
    urgent: false,
  },
  {
    code: 'XC-GAJ-0002',
    reporter: 'wjj.feedback',
    problemType: 'omission',
    description: '近一个月迁入人员缺少迁入地详细地址',
    daysAgo: 2,
    urgent: false,
  },
  {
    code: 'XC-WJJ-0002',
    reporter: 'rsj.feedback',
    problemType: 'error',
    description: '两家诊所执业登记已注销但仍显示有效',
    daysAgo: 1,
    urgent: true,
  },
];
