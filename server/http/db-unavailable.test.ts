/** @module Which errors count as "database unavailable" (503) and which stay bugs (500). */
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db-unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('given a PostgreSQL shutdown or connection error, when checked, then it is unavailable', () => {
    for (const code of ['57P01', '57P03', '08006', '08001', '53300'])
      expect(isDatabaseUnavailable(pgError(code))).toBe(true);
  });
  it('given a refused socket wrapped by drizzle as cause, when checked, then it is unavailable', () => {
    const wrapped = new Error('Failed query: select 1', { cause: pgError('ECONNREFUSED') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    const aggregate = new Error('Failed query', { cause: new AggregateError([pgError('ECONNREFUSED')]) });
    expect(isDatabaseUnavailable(aggregate)).toBe(true);
  });
  it('given node-postgres "Connection terminated unexpectedly", when checked, then it is unavailable', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });
  it('given a constraint violation or a plain bug, when checked, then it is not', () => {
    expect(isDatabaseUnavailable(pgError('23505'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
