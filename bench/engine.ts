/**
 * @module Engine benchmark: compiles ../shared/bench/approval.bpmn once, runs N instances to completion in memory
 * (review approves first time, `publish` completed as a job), restoring the snapshot from JSON after every step.
 * Prints instances/s, steps/s, p50/p99 step µs and peak RSS; with --json the last line is one JSON object.
 * In the same run, bpmn-engine 25 drives the same flow (its dialect: a `${}` condition, the service task's
 * implementation a service) and the ratio is printed (#13 asks for ≥ 50×).
 * `--flow unstructured` also runs bench/unstructured.bpmn (an unjoined parallel split and event subprocesses, the
 * same number of steps) in the same process and prints its figure beside the structured one, with the ratio.
 * Usage: npm run bench:engine [-- --json] [-- --instances 5000] [-- --peer-instances 300] [-- --flow unstructured]
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as bpmnElements from 'bpmn-elements';
import { Engine as PeerEngine } from 'bpmn-engine';
// @ts-expect-error bpmn-moddle ships no type declarations for its ESM entry
import { BpmnModdle } from 'bpmn-moddle';
import Serializer, { TypeResolver } from 'moddle-context-serializer';
import type { CompiledProcess, EngineEvent, Json, StepResult } from '../engine/index';
import { compileBpmn, startProcess, stepProcess } from '../engine/index';

const args = process.argv.slice(2);
const json = args.includes('--json');
const nArg = args.indexOf('--instances');
const N = nArg >= 0 ? Number(args[nArg + 1]) : 5000;
const peerArg = args.indexOf('--peer-instances');
// bpmn-engine is ~50× slower: a fixed smaller count keeps the run short; its figure is per instance all the same.
const PEER_N = peerArg >= 0 ? Number(args[peerArg + 1]) : Math.min(N, 300);
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

// Rounds of different engines alternate, so a full collection between rounds keeps one engine's garbage (bpmn-engine
// makes a lot) from being collected, and counted, in the other's round.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/**
 * A flow's meter: `run(n)` runs n more instances and adds their wall and CPU time, `figures()` sums up. The flows are
 * run in interleaved rounds (see below), so each figure is taken under the same neighbours' load as the others.
 */
function meter(proc: CompiledProcess, events: EngineEvent[]) {
  const stepTimes: number[] = [];
  let peakRss = process.memoryUsage().rss;
  let lastText = '';
  let instances = 0;
  let wallNs = 0n;
  let cpuMicros = 0;
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
  return {
    run(n: number) {
      collect();
      const cpu0 = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) runOne();
      wallNs += process.hrtime.bigint() - start;
      // CPU time too: on a shared, loaded machine wall-clock throughput says more about the neighbours than the engine.
      const cpu = process.cpuUsage(cpu0);
      cpuMicros += cpu.user + cpu.system;
      instances += n;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
    figures(): Figures {
      const seconds = Number(wallNs) / 1e9;
      const cpuSeconds = cpuMicros / 1e6;
      const sorted = [...stepTimes].sort((x, y) => x - y);
      const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
      return {
        instances,
        steps: stepTimes.length,
        seconds: Number(seconds.toFixed(3)),
        instancesPerSec: Math.round(instances / seconds),
        stepsPerSec: Math.round(stepTimes.length / seconds),
        cpuSeconds: Number(cpuSeconds.toFixed(3)),
        instancesPerCpuSec: Math.round(instances / cpuSeconds),
        p50StepMicros: Number(pct(50).toFixed(1)),
        p99StepMicros: Number(pct(99).toFixed(1)),
        peakRssMB: Number((peakRss / 1024 / 1024).toFixed(1)),
      };
    },
  };
}

interface PeerFigures {
  engine: string;
  instances: number;
  seconds: number;
  instancesPerSec: number;
  cpuSeconds: number;
  instancesPerCpuSec: number;
}

/**
 * bpmn-engine 25 on the same approval flow, used as its docs say: the source parsed once (bpmn-moddle →
 * moddle-context-serializer, the `sourceContext` option), one Engine per instance, `execute` with a listener whose
 * `activity.wait` signals each user task (review sets `approved`), and `publish` completed by a service function.
 * It keeps its state in memory between steps (no getState/recover per step): that favours it, as ours restores the
 * snapshot from JSON every step, so the ratio is, if anything, understated.
 */
async function peerMeter(file: string) {
  // bpmn-engine's expressions are `${path}`, not FEEL.
  const condition = `\${environment.variables.approved}`;
  const implementation = `\${environment.services.publish}`;
  const xml = readFileSync(file, 'utf8')
    .replace('=approved = true', condition)
    .replace(
      '<bpmn:serviceTask id="publish"',
      `<bpmn:serviceTask id="publish" implementation="${implementation}"`,
    );
  if (!xml.includes(condition) || !xml.includes(implementation))
    throw new Error(`${file} changed: the bpmn-engine dialect of the flow could not be made`);
  const moddle = await new BpmnModdle().fromXML(xml);
  const sourceContext = Serializer(moddle, TypeResolver({ ...bpmnElements }));
  const quiet = () => ({ debug() {}, error() {}, warn() {} });
  const services = {
    publish: (_scope: unknown, done: (err: unknown, result?: unknown) => void) =>
      done(null, { published: true }),
  };
  const runOne = async () => {
    const engine = new PeerEngine({ name: 'bench', sourceContext, Logger: quiet });
    const listener = new EventEmitter();
    const signalled: string[] = [];
    listener.on('activity.wait', (api: any) => {
      signalled.push(api.id);
      if (api.id === 'review') api.environment.variables.approved = true;
      api.signal({});
    });
    const taken: string[] = [];
    listener.on('activity.end', (api: any) => {
      if (api.id === 'publish' || api.id === 'end') taken.push(api.id);
    });
    await new Promise<void>((resolve, reject) =>
      engine.execute({ listener, services, variables: { title: 'bench' } }, (err: unknown) =>
        err ? reject(err) : resolve(),
      ),
    );
    if (signalled.join() !== 'fill,review,legalCheck,securityCheck' || taken.join() !== 'publish,end')
      throw new Error(`bpmn-engine took another path: ${signalled.join()} / ${taken.join()}`);
  };
  for (let i = 0; i < 30; i++) await runOne(); // warm-up
  let instances = 0;
  let wallNs = 0n;
  let cpuMicros = 0;
  return {
    async run(n: number) {
      collect();
      const cpu0 = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await runOne();
      wallNs += process.hrtime.bigint() - start;
      const cpu = process.cpuUsage(cpu0);
      cpuMicros += cpu.user + cpu.system;
      instances += n;
    },
    figures(): PeerFigures {
      const seconds = Number(wallNs) / 1e9;
      const cpuSeconds = cpuMicros / 1e6;
      return {
        engine: 'bpmn-engine 25',
        instances,
        seconds: Number(seconds.toFixed(3)),
        instancesPerSec: Math.round(instances / seconds),
        cpuSeconds: Number(cpuSeconds.toFixed(3)),
        instancesPerCpuSec: Math.round(instances / cpuSeconds),
      };
    },
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

const approvalFile = path.resolve(import.meta.dirname, '../../shared/bench/approval.bpmn');
const ours = meter(await load(approvalFile), scripts.approval);
const theirs = await peerMeter(approvalFile);
const other =
  flow === 'unstructured'
    ? meter(await load(path.resolve(import.meta.dirname, 'unstructured.bpmn')), scripts.unstructured)
    : undefined;
// Interleaved rounds: the machine's load changes by the second, and a ratio of figures taken minutes apart measures that.
// Rounds of at least 30 bpmn-engine instances: a shorter round measures its warm-up after each collection more than it.
const ROUNDS = Math.max(1, Math.min(10, Math.floor(PEER_N / 30)));
for (let r = 0; r < ROUNDS; r++) {
  const share = (n: number) => Math.floor((n * (r + 1)) / ROUNDS) - Math.floor((n * r) / ROUNDS);
  ours.run(share(N));
  await theirs.run(share(PEER_N));
  other?.run(share(N));
}
const result = ours.figures();
const peer = theirs.figures();
print('approval.bpmn', result);
const vsPeer = {
  wallClock: Number((result.instancesPerSec / peer.instancesPerSec).toFixed(1)),
  perCpuSecond: Number((result.instancesPerCpuSec / peer.instancesPerCpuSec).toFixed(1)),
};
console.log(
  `bpmn-engine 25, approval.bpmn × ${PEER_N} instances (kept in memory, no state saved between steps) in ${peer.seconds}s`,
);
console.log(`  ${peer.instancesPerSec} instances/s (${peer.instancesPerCpuSec} instances per CPU second)`);
console.log(
  `  huiliu / bpmn-engine: ${vsPeer.wallClock}× wall clock, ${vsPeer.perCpuSecond}× per CPU second (#13 asks ≥ 50×)`,
);
const unstructured = other?.figures();
if (unstructured) {
  print('unstructured.bpmn', unstructured);
  const ratio = result.instancesPerCpuSec / unstructured.instancesPerCpuSec;
  console.log(
    `  structured / unstructured (instances per CPU second): ${ratio.toFixed(2)}× (must stay within 2×)`,
  );
}
if (json)
  console.log(
    JSON.stringify({
      ...result,
      bpmnEngine: peer,
      vsBpmnEngine: vsPeer,
      ...(unstructured ? { unstructured } : {}),
    }),
  );
