/** @module The statistics period's refusals (#17): one clear Chinese sentence, never the query's parameter names. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { periodBounds } from './stats';

const refusal = (from: string, to: string) => {
  try {
    periodBounds({ from, to });
  } catch (err) {
    return err as AppError;
  }
  throw new Error('not refused');
};

describe('the statistics period', () => {
  it('refuses a reversed period in the user’s words, in Chinese and English', () => {
    const err = refusal('2026-12-10', '2026-12-01');
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe('统计期间的开始日期 2026-12-10 晚于结束日期 2026-12-01，请重新选择。');
    expect(err.message).not.toMatch(/from|to\b|≤/);
    expect(err.messageEn).toMatch(/^The period starts \(2026-12-10\) after it ends \(2026-12-01\)/);
  });

  it('refuses a malformed date and takes a one-day period as China midnight to midnight', () => {
    expect(refusal('12/01/2026', '2026-12-01').message).toBe(
      '统计期间的日期格式应为 YYYY-MM-DD（如 2026-12-01）。',
    );
    const { start, end } = periodBounds({ from: '2026-12-01', to: '2026-12-01' });
    expect(start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });
});
