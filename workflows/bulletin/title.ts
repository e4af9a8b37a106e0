/** @module What a bulletin's review is about: the bulletin's own title (its month). */
import { type TitleBuilder, text } from '../record/title-types';

export const bulletinTitle: TitleBuilder = (input) => text(input.variables.bulletinTitle);
