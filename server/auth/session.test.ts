/** @module The session policy read from the configuration: a mistyped value falls back to the default. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../deps';
import { sessionPolicy } from './session';

describe('sessionPolicy', () => {
  it('given no variables, then 30 idle minutes and 12 hours', () => {
    expect(sessionPolicy(loadConfig({}))).toEqual({ idleMinutes: 30, hours: 12 });
  });

  it('given HUILIU_SESSION_IDLE_MINUTES and HUILIU_SESSION_HOURS, then they are used; nonsense falls back to the defaults', () => {
    expect(
      sessionPolicy(loadConfig({ HUILIU_SESSION_IDLE_MINUTES: '15', HUILIU_SESSION_HOURS: '8' })),
    ).toEqual({
      idleMinutes: 15,
      hours: 8,
    });
    expect(
      sessionPolicy(loadConfig({ HUILIU_SESSION_IDLE_MINUTES: 'abc', HUILIU_SESSION_HOURS: '-1' })),
    ).toEqual({
      idleMinutes: 30,
      hours: 12,
    });
  });
});
