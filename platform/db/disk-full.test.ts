/** @module Which errors count as a full disk: the driver's own, wrapped by drizzle, and never a lost connection. */
import { describe, expect, it } from 'vitest';
import { diskFullFailure, isDiskFull } from './disk-full';

describe('isDiskFull', () => {
  it('given SQLSTATE 53100 wrapped as drizzle wraps it, when asked, then it is a full disk', () => {
    const driver = Object.assign(new Error('could not extend file "base/5/16390": No space left on device'), {
      code: '53100',
    });
    expect(isDiskFull(new Error('Failed query: insert …', { cause: driver }))).toBe(true);
  });

  it('given ENOSPC from the file system, when asked, then it is a full disk', () => {
    expect(isDiskFull(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(true);
  });

  it('given a lost connection, a constraint violation or no error, when asked, then it is not', () => {
    expect(isDiskFull(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(false);
    expect(isDiskFull(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDiskFull(undefined)).toBe(false);
  });

  it('given the driver error, when the log line is made, then it says so in Chinese and English, with the driver’s error as its cause', () => {
    const driver = Object.assign(new Error('could not extend file "base/5/1": No space left on device'), {
      code: '53100',
    });
    const failure = diskFullFailure(new Error('Failed query', { cause: driver }));
    expect(failure.message).toContain('数据库磁盘空间已满');
    expect(failure.message).toContain('disk full');
    expect((failure.cause as Error).cause).toBe(driver);
  });
});
