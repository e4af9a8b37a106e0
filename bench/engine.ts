/**
 * @module Engine benchmark: compiles ../shared/bench/approval.bpmn once, runs N instances to completion in memory
 * (review approves first time, `publish` completed as a job), restoring the snapshot from JSON after every step.
 * Prints instances/s, steps/s, p50/p99 step µs and peak RSS; with --json the last line is one JSON object.
 * `--flow unstructured` also runs bench/unstructured.bpmn (an unjoined parallel split and event subprocesses, the
 * same number of steps) in the same process and prints its figure beside the structured one, with the ratio.
 * Usage: npm run bench:engine [-- --json] [-- --instances 5000] [-- --flow unstructured]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledProcess, EngineEvent, Json, StepResult } from '../engine/index';
import { compileBpmn, startProcess, stepProcess } from '../engine/index';

const args = process.argv.slice(2);
const json = args.includes('--json');
const nArg = args.indexOf('--instances');
const N = nArg >= 0 ? Number(args[nArg + 1]) : 5000;
const flow = args.indexOf('--flow') >= 0 ? args[args.indexOf('--flow') + 1] : 'approval';
if (flow !== 'approval' && flow !== 'unstructured')
  throw new Error(`unknown --flow ${flow} (approval | unstructured)`);
const at = '2026-03-02T01:00:00.000Z';

async function load(file: string): Promise<CompiledProcess> {
  const compiled = await compileBpmn(readFileSync(file, 'utf8'));
  if (!compiled.ok) throw new Error(`${file} does not compile: ${JSON.stringify(compiled.issues)}`);
  return compiled.processes[0];
}

const task = (elementId: string, variables = {}): EngineEvent => ({
  type: 'task.complete',
  elementId,
  activation: 1,
  variables,
  at,
});
const job = (elementId: string): EngineEvent => ({
  type: 'job.complete',
  elementId,
  activation: 1,
  variables: { published: true },
  at,
});

/** The events that drive one instance of each flow to completion. */
const scripts: Record<'approval' | 'unstructured', EngineEvent[]> = {
  approval: [
    task('fill'),
    task('review', { approved: true }),
    task('legalCheck'),
    task('securityCheck'),
    job('publish'),
  ],
  unstructured: [
    task('fill'),
    {
      type: 'message.correlate',
      messageName: '补充材料',
      elementId: 'supplementArrived',
      activation: 0,
      variables: { supplement: 1 },
      at,
    },
    task('review', { approved: true }),
    task('archive'),
    job('publish'),
  ],
};

interface Figures {
  instances: number;
  steps: number;
  seconds: number;
  instancesPerSec: number;
  stepsPerSec: number;
  cpuSeconds: number;
  instancesPerCpuSec: number;
  p50StepMicros: number;
  p99StepMicros: number;
  peakRssMB: number;
}

function measure(proc: CompiledProcess, events: EngineEvent[]): Figures {
  const stepTimes: number[] = [];
  let peakRss = process.memoryUsage().rss;
  let lastText = '';
  const step = (event: EngineEvent): StepResult => {
    const t0 = process.hrtime.bigint();
    const r = stepProcess(proc, JSON.parse(lastText) as Json, event);
    if ('rejected' in r) throw new Error(r.reason);
    lastText = JSON.stringify(r.snapshot);
    stepTimes.push(Number(process.hrtime.bigint() - t0) / 1000);
    return r;
  };
  const runOne = () => {
    const t0 = process.hrtime.bigint();
    const s = startProcess(proc, { variables: { title: 'bench' }, at });
    lastText = JSON.stringify(s.snapshot);
    stepTimes.push(Number(process.hrtime.bigint() - t0) / 1000);
    let last: StepResult = s;
    for (const e of events) last = step(e);
    if (last.status !== 'completed') throw new Error(`instance ended ${last.status}`);
  };
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
  return {
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
}

function print(name: string, result: Figures) {
  console.log(
    `${name} × ${N} instances (${result.steps} steps, JSON round trip every step) in ${result.seconds}s`,
  );
  console.log(
    `  ${result.instancesPerSec} instances/s, ${result.stepsPerSec} steps/s (${result.instancesPerCpuSec} instances per CPU second)`,
  );
  console.log(
    `  step p50 ${result.p50StepMicros} µs, p99 ${result.p99StepMicros} µs, peak RSS ${result.peakRssMB} MB`,
  );
}

const result = measure(
  await load(path.resolve(import.meta.dirname, '../../shared/bench/approval.bpmn')),
  scripts.approval,
);
print('approval.bpmn', result);
let unstructured: Figures | undefined;
if (flow === 'unstructured') {
  unstructured = measure(
    await load(path.resolve(import.meta.dirname, 'unstructured.bpmn')),
    scripts.unstructured,
  );
  print('unstructured.bpmn', unstructured);
  const ratio = result.instancesPerCpuSec / unstructured.instancesPerCpuSec;
  console.log(
    `  structured / unstructured (instances per CPU second): ${ratio.toFixed(2)}× (must stay within 2×)`,
  );
}
if (json) console.log(JSON.stringify(unstructured ? { ...result, unstructured } : result));
