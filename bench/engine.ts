/**
 * @module Engine benchmark: compiles ../shared/bench/approval.bpmn once, runs N instances to completion in memory
 * (review approves first time, `publish` completed as a job), restoring the snapshot from JSON after every step.
 * Prints instances/s, steps/s, p50/p99 step µs and peak RSS; with --json the last line is one JSON object.
 * Usage: npm run bench:engine [-- --json] [-- --instances 5000]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EngineEvent, Json, StepResult } from '../engine/index';
import { compileBpmn, startProcess, stepProcess } from '../engine/index';

const args = process.argv.slice(2);
const json = args.includes('--json');
const nArg = args.indexOf('--instances');
const N = nArg >= 0 ? Number(args[nArg + 1]) : 5000;
const file = path.resolve(import.meta.dirname, '../../shared/bench/approval.bpmn');

const compiled = await compileBpmn(readFileSync(file, 'utf8'));
if (!compiled.ok) throw new Error(`approval.bpmn does not compile: ${JSON.stringify(compiled.issues)}`);
const proc = compiled.processes[0];
const at = '2026-03-02T01:00:00.000Z';

const stepTimes: number[] = [];
let peakRss = process.memoryUsage().rss;

function step(snapshotText: string, event: EngineEvent): StepResult {
  const t0 = process.hrtime.bigint();
  const r = stepProcess(proc, JSON.parse(snapshotText) as Json, event);
  if ('rejected' in r) throw new Error(r.reason);
  const text = JSON.stringify(r.snapshot);
  stepTimes.push(Number(process.hrtime.bigint() - t0) / 1000);
  lastText = text;
  return r;
}
let lastText = '';

function runOne() {
  const t0 = process.hrtime.bigint();
  const s = startProcess(proc, { variables: { title: 'bench' }, at });
  lastText = JSON.stringify(s.snapshot);
  stepTimes.push(Number(process.hrtime.bigint() - t0) / 1000);
  const task = (elementId: string, variables = {}): EngineEvent => ({
    type: 'task.complete',
    elementId,
    activation: 1,
    variables,
    at,
  });
  step(lastText, task('fill'));
  step(lastText, task('review', { approved: true }));
  step(lastText, task('legalCheck'));
  step(lastText, task('securityCheck'));
  const done = step(lastText, {
    type: 'job.complete',
    elementId: 'publish',
    activation: 1,
    variables: { published: true },
    at,
  });
  if (done.status !== 'completed') throw new Error(`instance ended ${done.status}`);
}

for (let i = 0; i < Math.min(200, N); i++) runOne(); // warm-up (JIT, machine cache)
stepTimes.length = 0;
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  runOne();
  if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
// CPU time too: on a shared, loaded machine wall-clock throughput says more about the neighbours than about the engine.
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const sorted = [...stepTimes].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const result = {
  instances: N,
  steps: stepTimes.length,
  seconds: Number(seconds.toFixed(3)),
  instancesPerSec: Math.round(N / seconds),
  stepsPerSec: Math.round(stepTimes.length / seconds),
  cpuSeconds: Number(cpuSeconds.toFixed(3)),
  instancesPerCpuSec: Math.round(N / cpuSeconds),
  p50StepMicros: Number(pct(50).toFixed(1)),
  p99StepMicros: Number(pct(99).toFixed(1)),
  peakRssMB: Number((peakRss / 1024 / 1024).toFixed(1)),
};
console.log(
  `approval.bpmn × ${N} instances (${result.steps} steps, JSON round trip every step) in ${result.seconds}s`,
);
console.log(
  `  ${result.instancesPerSec} instances/s, ${result.stepsPerSec} steps/s (${result.instancesPerCpuSec} instances per CPU second)`,
);
console.log(
  `  step p50 ${result.p50StepMicros} µs, p99 ${result.p99StepMicros} µs, peak RSS ${result.peakRssMB} MB`,
);
if (json) console.log(JSON.stringify(result));
