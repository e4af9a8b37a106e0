/**
 * @module `npm run bench:http [-- --json] [--url http://host:port] [--tasks 2000] [--workers n]`: task completions per second and
 * p50/p99 latency through the HTTP API at 8 and 50 concurrent clients. Without --url it starts `server.ts` as a
 * separate process (on a fresh database in DATABASE_URL's cluster, dropped after, or a fresh embedded database) so
 * client and server do not share a core's loop. On PostgreSQL each level is followed, in the same run and database,
 * by the raw step-shaped transaction rate at as many clients (update the instance's jsonb with a version check,
 * update its task, insert a history row: a step's writes with no engine and no HTTP), and the ratio of the two.
 * `--workers n` starts the server with HUILIU_WORKERS=n (n processes on one port, PostgreSQL only: docs/operations.md).
 * On Linux each level also reports the CPU milliseconds per completion (and per raw transaction) spent by the bench
 * client, the server's processes and PostgreSQL's, read from /proc: on a machine of 2 cores the three share, the
 * ratio is set by their sum, so this is where a change shows even when the machine is noisy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const asJson = args.includes('--json');
const tasksPerRun = Number(flag('tasks') ?? 2000);
const levels = (flag('clients') ?? '8,50').split(',').map(Number);
const password = process.env.HUILIU_DEMO_PASSWORD ?? 'huiliu-demo';
const workers = flag('workers') ?? process.env.HUILIU_WORKERS ?? '1';

type Cpu = { bench: number; server: number; postgres: number };
type Ticks = Map<number, { part: keyof Cpu; ticks: number }>;

/** Whose CPU counts: this bench's server (and its workers) and the PostgreSQL processes serving the bench's database. */
const scope: { serverPid?: number; database?: string; adminUrl?: string } = {};

/**
 * Clock ticks (user + system) so far of this process, the bench's server with its workers, and the PostgreSQL
 * backends of the bench's database plus the cluster's own processes (WAL writer, checkpointer, …); other work on the
 * machine (another server, another database's sessions) is left out.
 */
async function cpuTicks(): Promise<Ticks | undefined> {
  if (!existsSync('/proc/self/stat')) return undefined;
  const pgPids = new Set<number>();
  if (scope.adminUrl && scope.database) {
    const c = new pg.Client({ connectionString: scope.adminUrl });
    await c.connect();
    try {
      const { rows } = await c.query(
        'select pid, datname from pg_stat_activity where pid <> pg_backend_pid()',
      );
      for (const r of rows) if (r.datname === scope.database || r.datname === null) pgPids.add(r.pid);
    } finally {
      await c.end();
    }
  }
  const out: Ticks = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    const pid = Number(d);
    const ppid = Number(f[1]);
    if (pid === process.pid) out.set(pid, { part: 'bench', ticks });
    else if (scope.serverPid && (pid === scope.serverPid || ppid === scope.serverPid))
      out.set(pid, { part: 'server', ticks });
    else if (pgPids.has(pid)) out.set(pid, { part: 'postgres', ticks });
  }
  return out;
}

/**
 * CPU ms per operation of each part between two readings, summed per process (a process that ended in between,
 * such as an idle pooled connection's backend, is left out; one that started counts whole). A tick is 10 ms:
 * read it over thousands of operations.
 */
async function cpuPer(before: Ticks | undefined, ops: number): Promise<Cpu | null> {
  const after = await cpuTicks();
  if (!before || !after) return null;
  const sum: Cpu = { bench: 0, server: 0, postgres: 0 };
  for (const [pid, a] of after) sum[a.part] += a.ticks - (before.get(pid)?.ticks ?? 0);
  const per = (k: keyof Cpu) => +((sum[k] * 10) / ops).toFixed(3);
  return { bench: per('bench'), server: per('server'), postgres: per('postgres') };
}

const BENCH_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/bench">
  <bpmn:process id="bench-http" name="HTTP 压测" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="review" name="审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="authority.reviewer" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A database of the bench's own in DATABASE_URL's cluster (dropped after), so runs never share rows. */
async function benchDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = `huiliu_bench_http_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function startServer(
  databaseUrl: string | undefined,
): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-bench-http-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const entry = process.argv.includes('--dist') ? ['dist/server.js'] : ['--import', 'tsx', 'server.ts'];
  const cpuProf = flag('cpu-prof');
  const child = spawn(
    process.execPath,
    [...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : []), ...entry],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl ?? '',
        PORT: String(port),
        HUILIU_DATA_DIR: dir,
        HUILIU_DEMO: '1',
        HUILIU_WORKERS: workers,
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child, dir };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('server did not become ready');
}

// node:http with a keep-alive agent, not fetch: the client shares this machine's cores with the server and the
// database, and undici's fetch spends several times more CPU per request than the request costs the server.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function api(url: string, token: string, method: string, p: string, body?: unknown): Promise<any> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url + p,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 300) reject(new Error(`${method} ${p}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * The ceiling: `clients` connections each running step-shaped transactions on a row of their own (the instance's
 * jsonb with a version check, its task, a history row), `total` in all; returns transactions per second.
 */
async function rawSteps(
  databaseUrl: string,
  clients: number,
  total: number,
): Promise<{ perSec: number; cpuMs: Cpu | null }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: clients });
  try {
    const rows = (
      await pool.query(
        `insert into process_instances (definition_id, process_key, definition_version, snapshot, status, started_at)
         select id, 'raw', 1, '{"value":"x"}'::jsonb, 'active', now() from process_definitions, generate_series(1, $1)
         where key = 'bench-http' limit $1 returning id`,
        [clients],
      )
    ).rows.map((r) => r.id as string);
    let next = 0;
    // Connected before the clock starts, as the HTTP half's keep-alive sockets are (its warm-up opened them).
    const conns = await Promise.all(rows.map(() => pool.connect()));
    const cpu0 = await cpuTicks();
    const t0 = performance.now();
    await Promise.all(
      rows.map(async (id, i) => {
        const c = conns[i];
        try {
          for (let version = 1; next < total; version++) {
            next++;
            await c.query('begin');
            const done = await c.query({
              name: 'raw_step',
              text: `update process_instances set snapshot = $3::jsonb, version = version + 1, updated_at = now()
                     where id = $1 and version = $2 returning version`,
              values: [id, version, JSON.stringify({ value: 'x', context: { vars: { n: version } } })],
            });
            if (done.rowCount !== 1) throw new Error('raw step lost its own race');
            await c.query({
              name: 'raw_task',
              text: `update user_tasks set updated_at = now() where instance_id = $1`,
              values: [id],
            });
            await c.query({
              name: 'raw_history',
              text: `insert into history_events (instance_id, at, type) values ($1, now(), 'raw.step')`,
              values: [id],
            });
            await c.query('commit');
          }
        } finally {
          c.release();
        }
      }),
    );
    return { perSec: total / ((performance.now() - t0) / 1000), cpuMs: await cpuPer(cpu0, total) };
  } finally {
    await pool.end();
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function runLevel(url: string, admin: string, reviewer: string, clients: number, tasks = tasksPerRun) {
  // given: `tasks` open review tasks
  const ids: string[] = [];
  for (let i = 0; i < tasks; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, tasks - i) }, async () => {
        const inst = await api(url, admin, 'POST', '/api/process-instances', {
          processKey: 'bench-http',
          variables: {},
        });
        ids.push(inst.id);
      }),
    );
  }
  const taskIds: string[] = [];
  for (const id of ids) {
    const page = await api(url, reviewer, 'GET', `/api/tasks?scope=all&processInstanceId=${id}`);
    taskIds.push(page.items[0].id);
  }
  // when: `clients` concurrent loops complete them
  const latencies: number[] = [];
  let next = 0;
  const cpu0 = await cpuTicks();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < taskIds.length) {
        const id = taskIds[next++];
        const s = performance.now();
        await api(url, reviewer, 'POST', `/api/tasks/${id}/complete`, { variables: { approved: true } });
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = await cpuPer(cpu0, latencies.length);
  latencies.sort((a, b) => a - b);
  return {
    clients,
    completions: latencies.length,
    completionsPerSec: Math.round(latencies.length / seconds),
    p50Ms: +pct(latencies, 50).toFixed(2),
    p95Ms: +pct(latencies, 95).toFixed(2),
    p99Ms: +pct(latencies, 99).toFixed(2),
    maxMs: +(latencies.at(-1) ?? 0).toFixed(2),
    cpuMsPerCompletion: cpuMs,
  };
}

async function main() {
  const external = flag('url');
  const database = external ? undefined : await benchDatabase();
  const server = external ? undefined : await startServer(database?.url);
  scope.serverPid = server?.child.pid;
  scope.database = database?.name;
  scope.adminUrl = process.env.DATABASE_URL;
  const url = external ?? server!.url;
  try {
    const admin = await login(url, 'admin');
    const reviewer = await login(url, 'reviewer');
    await api(url, admin, 'POST', '/api/deployments', {
      name: 'bench-http',
      resources: [{ name: 'bench-http.bpmn', content: BENCH_BPMN }],
    });
    const results = [];
    // Warm-up, not reported: JIT of the completion path and each pooled connection's prepared statements.
    await runLevel(url, admin, reviewer, Math.max(...levels), 300);
    for (const clients of levels) {
      const level = await runLevel(url, admin, reviewer, clients);
      const raw = database ? await rawSteps(database.url, clients, level.completions) : undefined;
      const rawPerSec = raw ? Math.round(raw.perSec) : null;
      const ratio = rawPerSec ? Number((level.completionsPerSec / rawPerSec).toFixed(2)) : null;
      const r = { ...level, rawStepsPerSec: rawPerSec, ratio, rawCpuMsPerTx: raw?.cpuMs ?? null };
      results.push(r);
      console.log(
        `${clients} clients: ${r.completionsPerSec} completions/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms (${r.completions} tasks)` +
          (rawPerSec ? `; raw step tx ${rawPerSec}/s, ratio ${ratio}` : ''),
      );
      if (r.cpuMsPerCompletion)
        console.log(
          `  CPU ms per completion: bench ${r.cpuMsPerCompletion.bench}, server ${r.cpuMsPerCompletion.server}, postgres ${r.cpuMsPerCompletion.postgres}` +
            (r.rawCpuMsPerTx
              ? `; per raw tx: bench ${r.rawCpuMsPerTx.bench}, postgres ${r.rawCpuMsPerTx.postgres}`
              : ''),
        );
    }
    const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
    if (asJson)
      console.log(
        JSON.stringify({
          benchmark: 'http',
          database: kind,
          workers: external ? null : Number(workers),
          results,
        }),
      );
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
      rmSync(server.dir, { recursive: true, force: true });
    }
    await database?.drop();
  }
}

await main();
