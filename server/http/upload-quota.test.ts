/** @module The upload quota's day: a China day, whatever the server's zone. */
import { describe, expect, it } from 'vitest';
import { startOfChinaDay } from './upload-quota';

describe('startOfChinaDay', () => {
  it('given 23:30 UTC, when the China day starts, then it is that UTC evening at 16:00 (00:00 the next China day)', () => {
    expect(startOfChinaDay(new Date('2026-12-03T23:30:00Z')).toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });
  it('given 15:59 UTC, when the China day starts, then it is the previous 16:00 UTC', () => {
    expect(startOfChinaDay(new Date('2026-12-03T15:59:59Z')).toISOString()).toBe('2026-12-02T16:00:00.000Z');
  });
});
