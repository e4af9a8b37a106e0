/** @module The step without a root actor (light-actor.ts) gives exactly what a live XState actor gives, spawned children included. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { defaultCalendar } from '../calendar';
import {
  type CompiledProcess,
  compileBpmn,
  type EngineEvent,
  type Json,
  startProcess,
  stepProcess,
} from '../index';
import { runInStep, type StepEnv } from './context';
import { machineOf } from './library';
import { lightRestore, NEEDS_ACTOR } from './light-actor';

const at = '2026-03-02T01:00:00.000Z';

async function load(file: string): Promise<CompiledProcess> {
  const r = await compileBpmn(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} must compile`);
  return r.processes[0];
}
const approval = () => load(path.resolve(import.meta.dirname, '../../../shared/bench/approval.bpmn'));
const unstructured = () => load(path.resolve(import.meta.dirname, '../../bench/unstructured.bpmn'));

const task = (elementId: string, variables = {}): EngineEvent => ({
  type: 'task.complete',
  elementId,
  activation: 1,
  variables,
  at,
});
const supplement: EngineEvent = {
  type: 'message.correlate',
  messageName: '补充材料',
  elementId: 'supplementArrived',
  activation: 0,
  variables: { supplement: 1 },
  at,
};

/** The same step the way the engine ran every step before: on a live actor. */
function onActor(p: CompiledProcess, snapshot: Json, event: EngineEvent) {
  const env: StepEnv = { at, calendar: defaultCalendar, effects: [] };
  return runInStep(env, () => {
    const actor = createActor(machineOf(p), { snapshot: snapshot as any });
    actor.start();
    actor.send(event);
    return { snapshot: actor.getPersistedSnapshot() as unknown as Json, effects: env.effects };
  });
}

function ok(r: ReturnType<typeof stepProcess>) {
  if ('rejected' in r) throw new Error(r.reason);
  return r;
}

describe('light step (no root actor)', () => {
  it('given the approval flow, when each step runs without an actor, then snapshot and effects equal a live actor’s', async () => {
    const p = await approval();
    let snapshot = startProcess(p, { variables: { title: 'bench' }, at }).snapshot;
    for (const e of [
      task('fill'),
      task('review', { approved: true }),
      task('legalCheck'),
      task('securityCheck'),
    ]) {
      const text = JSON.stringify(snapshot);
      expect(lightRestore(machineOf(p), JSON.parse(text))).not.toBe(NEEDS_ACTOR);
      const light = ok(stepProcess(p, JSON.parse(text), e));
      const actor = onActor(p, JSON.parse(text), e);
      expect(light.snapshot).toEqual(actor.snapshot);
      expect(light.effects).toEqual(actor.effects);
      snapshot = light.snapshot;
    }
  });

  it('given a message that spawns an event-subprocess path, when correlated without a root actor, then effects equal a live actor’s and each is emitted once', async () => {
    const p = await unstructured();
    const started = ok(
      stepProcess(p, startProcess(p, { variables: { title: 'bench' }, at }).snapshot, task('fill')),
    );
    const text = JSON.stringify(started.snapshot);
    const r = ok(stepProcess(p, JSON.parse(text), supplement));
    const actor = onActor(p, JSON.parse(text), supplement);
    expect(r.effects).toEqual(actor.effects);
    // The path ran to its end in this step: XState keeps the finished child, the persisted snapshot does not.
    const { children, ...rest } = actor.snapshot as {
      children: Record<string, { snapshot: { status: string } }>;
    };
    expect(Object.values(children).map((c) => c.snapshot.status)).toEqual(['done']);
    expect(r.snapshot).toEqual({ ...rest, children: {} });
    const spawned = r.effects.filter((e) => e.type === 'history' && e.event.type === 'side-path.started');
    expect(spawned).toHaveLength(1);
  });

  it('given the finished path dropped, when the flow runs on, then every later step is actor-less and the instance completes', async () => {
    const p = await unstructured();
    let snapshot = startProcess(p, { variables: { title: 'bench' }, at }).snapshot;
    snapshot = ok(stepProcess(p, snapshot, task('fill'))).snapshot;
    snapshot = ok(stepProcess(p, snapshot, supplement)).snapshot;
    let last: ReturnType<typeof ok> | undefined;
    for (const e of [task('review', { approved: true }), task('archive')]) {
      expect(lightRestore(machineOf(p), JSON.parse(JSON.stringify(snapshot)))).not.toBe(NEEDS_ACTOR);
      last = ok(stepProcess(p, snapshot, e));
      snapshot = last.snapshot;
    }
    expect(last?.variables).toMatchObject({ supplement: 1 });
  });

  it('given a stale event, when stepped without an actor, then it is refused and nothing is emitted', async () => {
    const p = await approval();
    const s = startProcess(p, { variables: {}, at });
    const r = stepProcess(p, s.snapshot, task('review'));
    expect(r).toEqual({ rejected: true, reason: 'no active element accepts task.complete for review#1' });
  });
});
