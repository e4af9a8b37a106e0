/** @module The logger: secrets redacted by key at any of three depths; the request line's logger writes as it is. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, withoutRedaction } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, log: createLogger({ level: 'info', destination }) };
}

describe('logger', () => {
  it('given a password, token or secret at the top level or nested, when logged, then it is written as [redacted]', () => {
    const { lines, log } = capture();
    log.info({ password: 'pw-1', body: { token: 't-2', user: { secret: 's-3' } }, ok: 'kept' }, 'login');
    expect(lines[0]).toMatchObject({
      password: '[redacted]',
      body: { token: '[redacted]', user: { secret: '[redacted]' } },
      ok: 'kept',
    });
    expect(JSON.stringify(lines)).not.toMatch(/pw-1|t-2|s-3/);
  });

  it('given the request line’s logger, when it writes, then the line is whole and the base logger still redacts', () => {
    const { lines, log } = capture();
    const lineLog = withoutRedaction(log);
    lineLog.info(
      { reqId: 'r-1', user: 'admin', method: 'GET', route: '/api/me', status: 200, ms: 1.2 },
      'request',
    );
    log.info({ authorization: 'Bearer abc' }, 'after');
    expect(lines[0]).toMatchObject({
      reqId: 'r-1',
      user: 'admin',
      route: '/api/me',
      status: 200,
      msg: 'request',
    });
    expect(lines[1].authorization).toBe('[redacted]');
    expect(JSON.stringify(lines)).not.toContain('Bearer abc');
  });
});
