/** @module startProcess/stepProcess: pure, deterministic steps over plain-JSON snapshots; stale and late events are refused. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CompiledProcess,
  compileBpmn,
  type EngineEvent,
  type StepResult,
  startProcess,
  stepProcess,
} from '../index';

const approval = readFileSync(
  path.resolve(import.meta.dirname, '../../../shared/bench/approval.bpmn'),
  'utf8',
);
const at = '2026-03-02T01:00:00.000Z';

async function compiled(): Promise<CompiledProcess> {
  const r = await compileBpmn(approval);
  if (!r.ok) throw new Error('approval.bpmn must compile');
  return r.processes[0];
}

const complete = (elementId: string, activation = 1, variables = {}): EngineEvent => ({
  type: 'task.complete',
  elementId,
  activation,
  variables,
  at,
});

describe('stepProcess', () => {
  it('given the same snapshot and event, when stepped twice, then both results are identical (pure)', async () => {
    const p = await compiled();
    const s = startProcess(p, { variables: {}, at });
    const a = stepProcess(p, s.snapshot, complete('fill'));
    const b = stepProcess(p, JSON.parse(JSON.stringify(s.snapshot)), complete('fill'));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('given a step result, when serialised, then the snapshot survives a JSON round trip unchanged', async () => {
    const p = await compiled();
    const s = startProcess(p, { variables: { title: '目录' }, at });
    expect(JSON.parse(JSON.stringify(s.snapshot))).toEqual(s.snapshot);
  });

  it('given an event for an element that is not active, when stepped, then it is rejected with a reason', async () => {
    const p = await compiled();
    const s = startProcess(p, { variables: {}, at });
    expect(stepProcess(p, s.snapshot, complete('review'))).toEqual({
      rejected: true,
      reason: 'no active element accepts task.complete for review#1',
    });
  });

  it('given a completed instance, when any event arrives, then it is rejected', async () => {
    const p = await compiled();
    let s: StepResult = startProcess(p, { variables: {}, at });
    for (const ev of [
      complete('fill'),
      complete('review', 1, { approved: true }),
      complete('legalCheck'),
      complete('securityCheck'),
    ])
      s = stepProcess(p, s.snapshot, ev) as StepResult;
    s = stepProcess(p, s.snapshot, {
      type: 'job.complete',
      elementId: 'publish',
      activation: 1,
      variables: {},
      at,
    }) as StepResult;
    expect(s.status).toBe('completed');
    expect(stepProcess(p, s.snapshot, { type: 'instance.cancel', at })).toMatchObject({ rejected: true });
  });

  it('given an active instance, when cancelled, then open tasks close as cancelled and the status is cancelled', async () => {
    const p = await compiled();
    const s = startProcess(p, { variables: {}, at });
    const r = stepProcess(p, s.snapshot, {
      type: 'instance.cancel',
      reason: 'duplicate',
      actor: 'admin',
      at,
    }) as StepResult;
    expect(r.status).toBe('cancelled');
    expect(r.effects).toContainEqual({ type: 'task.closed', taskKey: 'fill#1', reason: 'cancelled' });
    expect(r.effects).toContainEqual({
      type: 'history',
      event: { at, type: 'instance.cancelled', actor: 'admin' },
    });
  });

  it('given an unknown start event id, when started, then it throws (a caller bug, not user input)', async () => {
    const p = await compiled();
    expect(() => startProcess(p, { variables: {}, at, startEventId: 'nope' })).toThrow(/no start event nope/);
  });
});
