/** @module ui/pages/modeler/translations-zh.test: menu and panel spellings of a type both reach the Chinese label. */
import { describe, expect, it } from 'vitest';
import { makeTranslate, zhModeler } from './translations-zh';

describe('makeTranslate', () => {
  const translate = makeTranslate(zhModeler);

  it('given the panel header Title Case type, when translated, then it matches the sentence-case entry', () => {
    expect(translate('Timer Boundary Event (Non Interrupting)')).toBe('定时边界事件（非中断）');
    expect(translate('User Task')).toBe('用户任务');
  });

  it('given an unknown text with placeholders, when translated, then placeholders are substituted', () => {
    expect(translate('{eventType}: {type}', { eventType: 'start', type: 'x' })).toBe('start: x');
  });

  it('given a number as a replacement (the panel’s list count), when translated, then it is substituted, not thrown on', () => {
    expect(translate('List contains {numOfItems} items', { numOfItems: 3 })).toBe('共 3 项');
    expect(translate('{a}', { a: 0 })).toBe('0');
  });

  it('given the properties panel’s own control titles, when translated, then each has Chinese', () => {
    for (const en of [
      'Toggle section',
      'Section contains edits',
      'Section contains an error',
      'Toggle list item',
      'Delete item',
      'Create new list item',
      'Click to set a dynamic value with FEEL expression',
      'Click to remove dynamic value with FEEL expression',
      'FEEL expression is mandatory',
      'Open pop-up editor',
    ]) {
      expect(translate(en)).not.toBe(en);
      expect(translate(en)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
