/**
 * @module The Camunda 8 corpus (../shared/corpus/camunda8 beside the repository, 13 diagrams from public projects):
 * each file's outcome is committed in camunda8-expected.json as for the BPMN corpus (`compiles` or its error
 * codes@element ids; UPDATE_CORPUS=1 rewrites it), and every file that compiles is also started and driven to its
 * end in the harness: tasks and jobs completed, messages correlated, signals broadcast, timers advanced, called
 * processes answered. What it takes (variables for its gateways) is in DRIVE below, per file, from the diagram.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Vars } from '../contract';
import { compileBpmn } from '../index';
import { deploy, type Harness } from '../testing';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/camunda8');
const expectedFile = path.join(import.meta.dirname, 'camunda8-expected.json');

const files = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.bpmn'))
      .sort()
  : [];

/**
 * Variables a file's conditions read (the diagrams' own tests set them), and what each job completes with. A
 * condition over a missing variable is an incident by design (evaluate-feel.ts), so the driver must supply them.
 */
const DRIVE: Record<string, { start?: Vars; job?: (type: string, h: Harness) => Vars; child?: Vars }> = {
  // The called benchmark-subprocess (a DMN and a worker) answers each body with the decision it collects.
  'camunda-8-benchmark__complex_process.bpmn': {
    start: { list: [1, 2], benchmark_starter_id: 'b1' },
    child: { decisionResult: 'ok' },
  },
  'camunda-8-benchmark__msg_process.bpmn': { start: { orderId: 'o-1', items: ['a', 'b'] } },
  'camunda-8-js-sdk__Client-DeployWorkflow.bpmn': { start: { uniqueId: 'u-1' } },
  'camunda-8-js-sdk__conditional-pathway.bpmn': { start: { conditionVariable: true } },
  'customer-onboarding-camunda-8-springboot__customer-onboarding.bpmn': {
    start: { automaticProcessing: true },
  },
  'ticket-booking-camunda-8__ticket-booking.bpmn': { start: { paymentRequestId: 'pay-1' } },
  // loopAmount starts at 0 by the start event's own output mapping.
  'zeebe-process-test__looping-servicetask.bpmn': { start: { totalLoops: 3 } },
  'zeebe-process-test__pr-created.bpmn': { start: { prId: 'pr-1', reviewResult: 'approved' } },
};

type Outcome = 'compiles' | string[];

async function outcomeOf(xml: string): Promise<Outcome> {
  const r = await compileBpmn(xml);
  if (r.ok) return 'compiles';
  return r.issues.filter((i) => i.severity !== 'warning').map((i) => `${i.code}@${i.elementId}`);
}

/** One step of the driver: answers the oldest open item; false when nothing is open. */
function answerOne(h: Harness, job: (type: string, h: Harness) => Vars, childVars: Vars): boolean {
  const task = [...h.tasks.values()][0];
  if (task) {
    h.completeTask(task.elementId, {}, task.loopIndex === undefined ? {} : { loopIndex: task.loopIndex });
    return true;
  }
  const j = [...h.jobs.values()][0];
  if (j) {
    h.completeJob(j.elementId, job(j.jobType, h));
    return true;
  }
  const sub = [...h.subscriptions.values()][0];
  if (sub) {
    if (sub.kind === 'signal') h.signal(sub.messageName);
    else h.correlate(sub.messageName, {}, sub.correlationKey);
    return true;
  }
  const child = [...h.children.values()][0];
  if (child) {
    h.completeChild(child.elementId, childVars);
    return true;
  }
  const timer = [...h.timers.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (timer) {
    h.fireTimer(timer.elementId);
    return true;
  }
  return false;
}

/** Starts the process (at its none start, else its first start event) and answers open items until it ends. */
async function drive(file: string, xml: string): Promise<string> {
  const r = await compileBpmn(xml);
  if (!r.ok) throw new Error('does not compile');
  const process = r.processes[0];
  const plan = DRIVE[file] ?? {};
  const h = await deploy(xml, { processId: process.processId });
  const states =
    (process.machine as { states?: Record<string, { meta?: { bpmn?: { kind?: string } } }> }).states ?? {};
  const hasNoneStart = Object.values(states).some((s) => s.meta?.bpmn?.kind === 'startEvent');
  const other =
    process.info.messageStarts[0]?.elementId ??
    process.info.signalStarts?.[0]?.elementId ??
    process.info.timerStarts[0]?.elementId;
  h.start(plan.start ?? {}, hasNoneStart || !other ? {} : { startEventId: other });
  for (let i = 0; i < 200 && h.status === 'active'; i++) {
    if (!answerOne(h, plan.job ?? (() => ({})), plan.child ?? {})) break;
  }
  if (h.status === 'incident')
    return `incident@${[...h.incidents.values()].map((x) => `${x.elementId}: ${x.message}`).join('; ')}`;
  return h.status;
}

describe('Camunda 8 corpus', () => {
  it('is present beside the repository', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('gives every file the committed outcome, and every error names an element', async () => {
    const actual: Record<string, Outcome> = {};
    for (const f of files) actual[f] = await outcomeOf(readFileSync(path.join(corpusDir, f), 'utf8'));
    if (process.env.UPDATE_CORPUS) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    expect(actual).toEqual(expected);
    for (const outcome of Object.values(actual))
      if (outcome !== 'compiles') for (const e of outcome) expect(e).not.toMatch(/@null$/);
  });

  const compiling = (): string[] => {
    const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {};
    return files.filter((f) => expected[f] === 'compiles');
  };

  it.each(compiling())('runs %s to completion in the harness', async (file) => {
    const xml = readFileSync(path.join(corpusDir, file), 'utf8');
    expect(await drive(file, xml)).toBe('completed');
  });
});
