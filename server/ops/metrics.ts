/**
 * @module Prometheus metrics (prom-client), one registry per composed server: HTTP latency by route pattern,
 * the pure engine's step time, and work-queue gauges counted on scrape from partial indexes (cheap at any size).
 */
import { sql } from 'drizzle-orm';
import client from 'prom-client';
import type { Db } from '../../platform/db/db';
import type { EnginePort } from '../../engine/runtime';

export interface Metrics {
  registry: client.Registry;
  /** Records one HTTP request (seconds). */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** The engine port with its start/step calls timed. */
  instrumentEngine(engine: EnginePort): EnginePort;
}

// Latency buckets around the targets (p99 < 25 ms for a completion): fine below 100 ms, coarse above.
const HTTP_BUCKETS = [0.002, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STEP_BUCKETS = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5];

interface QueueCounts {
  jobs_pending: string;
  timers_due: string;
  incidents_open: string;
  tasks_open: string;
  tasks_overdue: string;
}

/** Every count reads a partial index (`status = 'ready' | 'scheduled' | 'open'`), so a scrape stays milliseconds. */
async function countQueues(db: Db, now: Date): Promise<QueueCounts> {
  const at = now.toISOString();
  const result = await db.execute(sql`select
    (select count(*) from jobs where status = 'ready') as jobs_pending,
    (select count(*) from timers where status = 'scheduled' and due_at <= ${at}::timestamptz) as timers_due,
    (select count(*) from incidents where status = 'open') as incidents_open,
    (select count(*) from user_tasks where status = 'open') as tasks_open,
    (select count(*) from user_tasks where status = 'open' and due_at is not null and due_at < ${at}::timestamptz) as tasks_overdue`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as QueueCounts[];
  return rows[0];
}

export function createMetrics(deps: { db: Db; now: () => Date }): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const http = new client.Histogram({
    name: 'huiliu_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const step = new client.Histogram({
    name: 'huiliu_engine_step_duration_seconds',
    help: 'Time the engine spends computing one step (start or event) of a process instance',
    labelNames: ['op'] as const,
    buckets: STEP_BUCKETS,
    registers: [registry],
  });

  // One query per scrape feeds all five gauges: the first gauge's collect runs it, the others reuse its answer.
  let pending: Promise<QueueCounts | null> | null = null;
  const counts = () => {
    pending ??= countQueues(deps.db, deps.now())
      .catch(() => null)
      .finally(() => setImmediate(() => (pending = null)));
    return pending;
  };
  const gauge = (name: keyof QueueCounts, help: string) =>
    new client.Gauge({
      name: `huiliu_${name}`,
      help,
      registers: [registry],
      async collect() {
        const c = await counts();
        // A scrape while the database is away reports nothing rather than a misleading zero.
        if (c) this.set(Number(c[name]));
        else this.reset();
      },
    });
  gauge('jobs_pending', 'Service-task jobs ready to run (includes those waiting for a retry)');
  gauge('timers_due', 'Scheduled timers whose due time has passed (should stay near 0)');
  gauge('incidents_open', 'Open incidents (failed jobs, gateway conditions that could not be evaluated)');
  gauge('tasks_open', 'Open user tasks');
  gauge('tasks_overdue', 'Open user tasks past their due date');

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      http.observe({ method, route, status: String(status) }, seconds);
    },
    instrumentEngine(engine) {
      // Spread first: whatever else the port offers passes through untouched.
      return {
        ...engine,
        startProcess(process, input, options) {
          const end = step.startTimer({ op: 'start' });
          try {
            return engine.startProcess(process, input, options);
          } finally {
            end();
          }
        },
        stepProcess(process, snapshot, event, options) {
          const end = step.startTimer({ op: 'step' });
          try {
            return engine.stepProcess(process, snapshot, event, options);
          } finally {
            end();
          }
        },
      };
    },
  };
}
