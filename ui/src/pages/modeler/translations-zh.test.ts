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
});
