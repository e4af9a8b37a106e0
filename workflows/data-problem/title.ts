/** @module What a problem's tasks are about: the entry, the kind of problem and its first words, and who reported it. */
import { clip, fromWhom, type TitleBuilder, text } from '../record/title-types';

export const dataProblemTitle: TitleBuilder = (input) => {
  const v = input.variables;
  const name = text(v.resourceName);
  const description = text(v.description);
  if (!name && !description) return undefined;
  const kind = text(v.problemTypeName);
  const about = [name, kind].filter(Boolean).join(' · ');
  return `问题反馈：${about}${description ? `：${clip(description.replace(/\s+/g, ' '), 24)}` : ''}${fromWhom(input)}`;
};
