/** @module ui/pages/modeler/deploy/words: the deploy dialog's words, zh-CN first. */
import type { Lang } from '../../../i18n';

const zh = {
  title: '部署流程',
  confirm: '部署新版本',
  cancel: '取消',
  close: '完成',
  newProcess: '这是一个新流程，部署后为 v1。',
  nextVersion: '将部署为 {key} 的 v{v}（当前最新 v{latest}）。',
  changes: '与 v{v} 相比：',
  added: '新增',
  removed: '删除',
  noStepChange: '步骤没有增减（可能修改了设置或布局）。',
  running: '运行中的实例',
  noRunning: '没有运行中的实例，部署后新发起的流程都按新版本运行。',
  stay: 'v{v}：{n} 个运行中的实例部署后仍按 v{v} 运行',
  staySummary: '部署只影响之后发起的流程；已在运行的实例留在原版本，可在部署后迁移到新版本。',
  deployed: '已部署 {key} v{v}。',
  migrateTitle: '迁移 v{from} 的 {n} 个运行中实例到 v{to}',
  mappingSource: '实例所在步骤（v{from}）',
  mappingTarget: '迁移到（v{to}）',
  pick: '请选择新版本中的步骤',
  unmapped: '有步骤尚未选择对应步骤，停在这些步骤的实例将迁移失败并留在原版本。',
  dryRun: '试迁移（不修改）',
  migrate: '迁移',
  keep: '留在旧版本',
  dryResult: '试迁移：可迁移 {ok} 个，失败 {failed} 个。',
  result: '已迁移 {ok} 个，失败 {failed} 个。',
  failedRow: '实例 {id}：{reason}',
  unavailable: '服务器尚不支持版本迁移，实例留在原版本。',
  loading: '正在读取…',
};
export type DeployWords = typeof zh;

const en: DeployWords = {
  title: 'Deploy process',
  confirm: 'Deploy new version',
  cancel: 'Cancel',
  close: 'Done',
  newProcess: 'A new process: it becomes v1.',
  nextVersion: 'Deploys {key} as v{v} (latest now v{latest}).',
  changes: 'Compared with v{v}:',
  added: 'Added',
  removed: 'Removed',
  noStepChange: 'No steps added or removed (settings or layout may have changed).',
  running: 'Running instances',
  noRunning: 'No running instances: everything started after the deploy runs on the new version.',
  stay: 'v{v}: {n} running instances stay on v{v} after the deploy',
  staySummary:
    'A deploy affects only what starts afterwards; running instances stay on their version and can be migrated after it.',
  deployed: 'Deployed {key} v{v}.',
  migrateTitle: 'Migrate the {n} running instances of v{from} to v{to}',
  mappingSource: 'Step they are at (v{from})',
  mappingTarget: 'Move to (v{to})',
  pick: 'Choose a step of the new version',
  unmapped: 'Some steps have no target: instances at them would fail and stay on the old version.',
  dryRun: 'Dry run (changes nothing)',
  migrate: 'Migrate',
  keep: 'Keep on the old version',
  dryResult: 'Dry run: {ok} would migrate, {failed} would fail.',
  result: '{ok} migrated, {failed} failed.',
  failedRow: 'Instance {id}: {reason}',
  unavailable: 'The server does not support migration yet: the instances stay on their version.',
  loading: 'Loading…',
};

export function deployWords(lang: Lang) {
  const table = lang === 'en' ? en : zh;
  return (key: keyof DeployWords, vars: Record<string, string | number> = {}) =>
    table[key].replace(/{(\w+)}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
