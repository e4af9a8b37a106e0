/**
 * @module The server's logger: pino JSON lines on stdout, level from LOG_LEVEL (default info). Secrets are
 * redacted by key wherever they appear, so a careless `log.info({ body })` cannot leak a password or a token.
 */
import pino from 'pino';

export type Logger = pino.Logger;

/** Keys never written out, at the top level or one/two objects deep. */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'oldPassword',
  'token',
  'authorization',
  'cookie',
  'secret',
  'totp',
];
const REDACT = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default: stdout, written asynchronously; `flush()` before exit). */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: pino.levels.values[level] !== undefined || level === 'silent' ? level : 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * The same logger and destination without the redaction pass, for lines built only of values known to hold no
 * secret (the per-request line: request id, user name, method, route pattern, status, ms). Redaction's wildcard
 * paths run every value of a line through the redactor; on the line written for every request that is work for
 * nothing. Never hand it a caller's object: anything else goes to the redacting logger.
 */
export const withoutRedaction = (log: Logger): Logger => log.child({}, { redact: { paths: [] } });

/** A logger for tests and in-process servers that should stay quiet unless LOG_LEVEL asks otherwise. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
