/** @module What a registration's tasks are about: the entry being registered and who submitted it. */
import { clip, fromWhom, type TitleBuilder, text } from '../record/title-types';

export const catalogRegistrationTitle: TitleBuilder = (input) => {
  const name = text(input.variables.resourceName);
  return name ? `目录注册：${clip(name, 40)}${fromWhom(input)}` : undefined;
};
