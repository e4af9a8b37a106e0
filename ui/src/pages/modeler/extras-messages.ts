/** @module ui/pages/modeler/extras-messages: the modeler extras' own words (lint list, diff, simulation), zh-CN and en. */
import type { Lang } from '../../i18n';

const zh = {
  download: '下载',
  lint: '检查',
  lintErrors: '{n} 个错误',
  lintWarnings: '{n} 个警告',
  lintClean: '未发现问题',
  lintTitle: '模型检查（部署前，按服务器的校验规则实时检查）',
  diff: '对比已部署',
  diffTitle: '与已部署的 v{v} 相比',
  diffNone: '与已部署版本相同',
  diffNoDeployed: '尚未部署，无可对比的版本',
  added: '新增',
  removed: '删除',
  changed: '修改',
  moved: '仅移动',
  simulate: '模拟运行',
  simulating: '模拟中：点击开始事件上的 ▶ 发起令牌，网关处可选择路径；模拟不修改流程',
};
export type ExtrasKey = keyof typeof zh;

const en: Record<ExtrasKey, string> = {
  download: 'Download',
  lint: 'Check',
  lintErrors: '{n} errors',
  lintWarnings: '{n} warnings',
  lintClean: 'No issues',
  lintTitle: 'Model check (live, by the server’s deploy rules)',
  diff: 'Diff with deployed',
  diffTitle: 'Compared with deployed v{v}',
  diffNone: 'Same as the deployed version',
  diffNoDeployed: 'Not deployed yet: nothing to compare with',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  moved: 'Moved only',
  simulate: 'Simulate',
  simulating:
    'Simulating: press ▶ on a start event to send a token; choose paths at gateways. Nothing is changed.',
};

export function extrasText(lang: Lang) {
  const table = lang === 'en' ? en : zh;
  return (key: ExtrasKey, vars: Record<string, string | number> = {}) =>
    table[key].replace(/{(\w+)}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
