/** @module Tests of the injectable clocks. */
import { describe, expect, it } from 'vitest';
import { createTestClock, systemClock } from './clock';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('test clock', () => {
  it('given a clock set to a date, when time passes, then it keeps ticking from that date', async () => {
    const clock = createTestClock();
    clock.set(new Date('2026-09-28T02:00:00Z'));
    await sleep(30);
    const elapsed = clock.now().getTime() - Date.parse('2026-09-28T02:00:00Z');
    expect(elapsed).toBeGreaterThanOrEqual(25);
    expect(elapsed).toBeLessThan(5000);
    expect(Math.abs(clock.get().getTime() - clock.now().getTime())).toBeLessThan(50);
  });

  it('given a clock, when set backwards or advanced, then now follows', () => {
    const clock = createTestClock(new Date('2027-01-01T00:00:00Z'));
    clock.set(new Date('2026-01-01T00:00:00Z'));
    expect(clock.now().getUTCFullYear()).toBe(2026);
    clock.advance(86_400_000);
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-01-02');
    expect(() => clock.set(new Date('nope'))).toThrow(RangeError);
  });

  it('given the system clock, when read, then it is the real time', () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
