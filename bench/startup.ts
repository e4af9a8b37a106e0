/**
 * @module `npm run bench:startup [-- --json] [--runs 3]`: seconds from `npm run serve` (the built dist/, plain node)
 * to the first 200 from /readyz, on the embedded database of an already-started data folder (migrations applied,
 * shipped processes deployed): what an upgrade restart costs. Needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, ROOT } from '../server/ops/testing/spawn-server';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

if (!existsSync(path.join(ROOT, 'dist/server.js'))) {
  console.error('dist/server.js 不存在：请先运行 npm run build (build first)');
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-bench-startup-'));
const dataDir = path.join(dir, 'data');

/** CPU seconds a process has used so far (Linux /proc; NaN elsewhere): a figure a busy machine does not inflate. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}

const cpu: number[] = [];

/** Starts `npm run serve`, returns ms to the first ready answer, then stops it with SIGTERM. */
async function once(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['run', '-s', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HUILIU_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  let ms = Number.NaN;
  for (let i = 0; i < 2400; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) {
        ms = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  // npm does not always pass signals on: stop the server itself (its pid is in the data folder).
  const pidFile = path.join(dataDir, 'huiliu.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    cpu.push(cpuSeconds(pid));
    process.kill(pid, 'SIGTERM');
  } else child.kill('SIGTERM');
  await exited;
  if (Number.isNaN(ms)) throw new Error('server did not become ready');
  return ms;
}

try {
  // The first start creates the database, seeds and deploys: not what a restart costs, so not reported.
  const first = await once();
  cpu.length = 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `npm run serve → /readyz (embedded, existing data): median ${(median / 1000).toFixed(2)} s, runs ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} s; first start ${(first / 1000).toFixed(2)} s; server CPU to ready ${cpu.map((c) => c.toFixed(2)).join(' / ')} s`,
  );
  if (asJson)
    console.log(
      JSON.stringify({
        benchmark: 'startup',
        database: 'pglite',
        medianSeconds: +(median / 1000).toFixed(3),
        runsSeconds: times.map((t) => +(t / 1000).toFixed(3)),
        firstStartSeconds: +(first / 1000).toFixed(3),
        serverCpuSeconds: cpu,
      }),
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
