/** @module What the server composes: the database, the clock, the calendar and (when present) the engine runtime. */
import type { Database } from '../platform/db/open-db';
import type { Db } from '../platform/db/db';
import type { Logger } from './ops/logger';
import type { Metrics } from './ops/metrics';

export interface AppConfig {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  testClock: boolean;
  demoPassword: string;
  sessionHours: number;
  /** Minutes without a request after which a session ends (HUILIU_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes?: number;
  /** Largest JSON body accepted, in bytes (deployments of large diagrams need a few MB). */
  bodyLimitBytes: number;
  /** Bearer token Prometheus sends to GET /metrics; without one only loopback may read it. */
  metricsToken?: string;
  /** HUILIU_DATA_KEY: 32 bytes (base64 or hex) sealing sensitive data at rest; HUILIU_DATA_KEY_OLD only opens (rotation). */
  dataKey?: string;
  dataKeyOld?: string;
  /** HUILIU_TRUST_PROXY=1: a reverse proxy sets X-Forwarded-For/-Proto (server/http/client-ip.ts); cookies get Secure. */
  trustProxy?: boolean;
  /** Megabytes of attachments one user may upload per China day (HUILIU_UPLOAD_QUOTA_MB, default 200). */
  uploadQuotaMb?: number;
}

export type { Clock } from '../platform/clock';
import type { Clock } from '../platform/clock';

export interface AppDeps {
  config: AppConfig;
  database: Database;
  db: Db;
  clock: Clock;
  /** Area services register themselves here as the server composes them (runtime, forms, workflows). */
  services: Record<string, unknown>;
  /** JSON logger (server/ops/logger.ts); in-process test servers get a silent one. */
  log?: Logger;
  metrics?: Metrics;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: Number(env.PORT ?? 3000),
    dataDir: env.HUILIU_DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    testClock: env.HUILIU_TEST_CLOCK === '1',
    demoPassword: env.HUILIU_DEMO_PASSWORD ?? 'huiliu-demo',
    sessionHours: Number(env.HUILIU_SESSION_HOURS ?? 12),
    sessionIdleMinutes: Number(env.HUILIU_SESSION_IDLE_MINUTES ?? 30),
    bodyLimitBytes: Number(env.HUILIU_BODY_LIMIT ?? 8 * 1024 * 1024),
    metricsToken: env.HUILIU_METRICS_TOKEN || undefined,
    dataKey: env.HUILIU_DATA_KEY || undefined,
    dataKeyOld: env.HUILIU_DATA_KEY_OLD || undefined,
    trustProxy: env.HUILIU_TRUST_PROXY === '1',
    uploadQuotaMb: Number(env.HUILIU_UPLOAD_QUOTA_MB ?? 200),
  };
}
