/**
 * @module Real server processes for the operations tests: `node --import tsx server.ts` (or a built dist/server.js)
 * on a port of its own, its stdout/stderr captured, started, signalled and killed like production would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDatabase } from '../../../platform/db/testing';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote (stdout then stderr interleaved as it came). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitReady(timeoutMs?: number): Promise<void>;
  /** kill -9 or a graceful signal; resolves when it exited. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnServer(
  env: Record<string, string>,
  options: { entry?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  // A server meant for the embedded database must not pick up the test run's DATABASE_URL (CI sets one for the
  // PostgreSQL tests): the database is whatever the caller names, and nothing else.
  const inherited = { ...process.env };
  if (!env.DATABASE_URL) delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, options.entry ?? ['--import', 'tsx', 'server.ts'], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    child,
    output: () => out,
    exited,
    async waitReady(timeoutMs = 120_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (done) throw new Error(`server exited before ready:\n${out}`);
        try {
          if ((await fetch(`${url}/readyz`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`server not ready in ${timeoutMs} ms:\n${out}`);
    },
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}

/** A new, empty PostgreSQL database (no migrations) in the cluster of `baseUrl`; `drop()` removes it. */
export const emptyDatabase = (baseUrl: string) => scratchDatabase(baseUrl, 'huiliu_ops');

/** A JSON call that never throws on HTTP status: `{status, body}`, or `{status: 0}` when the connection failed. */
export async function call(
  url: string,
  method: string,
  p: string,
  options: { token?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers?: Headers; error?: string }> {
  try {
    const res = await fetch(url + p, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (metrics, HTML)
    }
    return { status: res.status, body, headers: res.headers };
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, body: null, error: cause?.code ?? cause?.message ?? (e as Error).message };
  }
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const r = await call(url, 'POST', '/api/auth/login', { json: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

/** start → review (user task) → notify (job) → wait PT1S (timer) → end: one of each kind of durable work. */
export const OPS_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/ops-test">
  <bpmn:process id="ops-test" name="运维测试" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="review" name="审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="authority.reviewer" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:serviceTask id="notify" name="通知">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="notify" retries="3" />
        <zeebe:taskHeaders><zeebe:header key="to" value="authority.reviewer" /><zeebe:header key="title" value="已审核" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:intermediateCatchEvent id="wait" name="等待">
      <bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="notify" />
    <bpmn:sequenceFlow id="f3" sourceRef="notify" targetRef="wait" />
    <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** Deploys OPS_BPMN, starts `n` instances, returns their open review task ids (instance id → task id). */
export async function openReviewTasks(
  url: string,
  admin: string,
  reviewer: string,
  n: number,
): Promise<Map<string, string>> {
  const dep = await call(url, 'POST', '/api/deployments', {
    token: admin,
    json: { name: 'ops-test', resources: [{ name: 'ops-test.bpmn', content: OPS_BPMN }] },
  });
  if (dep.status >= 300) throw new Error(`deploy: ${dep.status} ${JSON.stringify(dep.body)}`);
  const tasks = new Map<string, string>();
  for (let i = 0; i < n; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, async () => {
        const inst = await call(url, 'POST', '/api/process-instances', {
          token: admin,
          json: { processKey: 'ops-test', variables: {} },
        });
        if (inst.status >= 300) throw new Error(`start: ${inst.status} ${JSON.stringify(inst.body)}`);
        const page = await call(url, 'GET', `/api/tasks?scope=all&processInstanceId=${inst.body.id}`, {
          token: reviewer,
        });
        tasks.set(inst.body.id, page.body.items[0].id);
      }),
    );
  }
  return tasks;
}
