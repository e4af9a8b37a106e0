/** @module What a change's tasks are about: the entry, 变更 or 注销, and who asked. */
import { clip, fromWhom, type TitleBuilder, text } from '../record/title-types';

const KINDS: Record<string, string> = { modify: '变更', retire: '注销' };

export const catalogChangeTitle: TitleBuilder = (input) => {
  const v = input.variables;
  const name = text(v.resourceName);
  if (!name) return undefined;
  const kind = text(v.changeTypeName) ?? KINDS[String(v.changeType)] ?? '变更';
  return `目录${kind}：${clip(name, 40)}${fromWhom(input)}`;
};
