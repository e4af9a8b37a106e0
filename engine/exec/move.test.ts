/** @module token.move (退回, 撤回, modification) and migrateSnapshot, through the harness on move.bpmn. */
import { describe, expect, it } from 'vitest';
import type { CompiledProcess, EngineEvent } from '../contract';
import { compileBpmn } from '../index';
import { deploy, fixture, Harness } from '../testing';
import { migrateSnapshot } from './migrate';
import { upgradeCompiled } from './upgrade';
import { returnRefusal } from './move-scope';

const xml = fixture(import.meta.url, 'move.bpmn');
type Move = Omit<Extract<EngineEvent, { type: 'token.move' }>, 'at'>;
const move = (m: Omit<Move, 'type' | 'history'> & Partial<Move>): Move => ({
  type: 'token.move',
  history: 'task.returned',
  ...m,
});

async function atBranches() {
  const h = (await deploy(xml)).start({ signers: ['x', 'y'] }, { actor: 'starter' });
  h.completeTask('first', { opinion: 'ok' }, { actor: 'leader' });
  return h;
}

describe('token.move', () => {
  it('given tokens in both branches, when moved back to a step before the split, then both branches close and the step reopens for its assignee with a fresh due date', async () => {
    const h = await atBranches();
    h.now = '2026-03-04T02:00:00.000Z';
    const r = h.send(
      move({ targets: ['first'], assignee: 'leader', comment: '材料不全', actor: 'reviewer' }),
    );
    expect('rejected' in r).toBe(false);
    expect(h.active).toEqual(['first']);
    expect([...h.tasks.keys()]).toEqual(['first#2']);
    const t = h.task('first');
    expect(t).toMatchObject({ assignee: 'leader', candidateGroups: [] });
    expect(t.dueAt).toMatch(/^2026-03-09/); // three working days from Wednesday 4 March
    expect(h.history.find((e) => e.type === 'task.returned')).toMatchObject({
      elementId: 'first',
      actor: 'reviewer',
      data: { comment: '材料不全' },
    });
  });

  it('given a token inside one branch, when moved back within it, then the other branch keeps its task and the boundary timer is cancelled', async () => {
    const h = await atBranches();
    h.completeTask('a1');
    expect(h.timers.size).toBe(1);
    h.send(move({ targets: ['a1'] }));
    expect(h.active.sort()).toEqual(['a1', 'b1']);
    expect(h.tasks.has('b1#1')).toBe(true);
    expect(h.tasks.has('a1#2')).toBe(true);
    expect(h.timers.size).toBe(0);
  });

  it('given tokens in branches, when the return goes to the other branch, then returnRefusal names the reason', async () => {
    const h = await atBranches();
    expect(returnRefusal(h.process, 'a2', 'b1')?.message).toMatch(/另一个并行分支/);
    expect(returnRefusal(h.process, 'a2', 'a1')).toBeNull();
    expect(returnRefusal(h.process, 'a2', 'first')).toBeNull();
    expect(returnRefusal(h.process, 's2', 'a1')?.message).toMatch(/已汇合的并行分支/);
  });

  it('given a token in a subprocess, when moved within it or out of it, then the subprocess stays or is left', async () => {
    const h = await atBranches();
    h.completeTask('a1').completeTask('a2').completeTask('b1').completeTask('s1');
    h.send(move({ targets: ['s1'] }));
    expect(h.active.sort()).toEqual(['s1', 'sub']);
    h.completeTask('s1').completeTask('s2');
    expect(h.active).toEqual(['sign']);
    // From after the subprocess back into it: the subprocess is entered at s2.
    h.send(move({ targets: ['s2'] }));
    expect(h.active.sort()).toEqual(['s2', 'sub']);
    expect([...h.tasks.keys()]).toEqual(['s2#3']); // s2#1 was cancelled by the first move, s2#2 completed
  });

  it('given a multi-instance task, when returned from, then every item closes; returned to, then every item reopens', async () => {
    const h = await atBranches();
    h.completeTask('a1').completeTask('a2').completeTask('b1').completeTask('s1').completeTask('s2');
    h.completeTask('sign', {}, { loopIndex: 0 });
    h.send(move({ targets: ['s2'] }));
    expect([...h.tasks.keys()]).toEqual(['s2#2']);
    h.completeTask('s2');
    expect([...h.tasks.keys()].sort()).toEqual(['sign#2/0', 'sign#2/1']);
  });

  it('given the start form, when moved to the start step, then a task with the start form opens for the starter and completing it starts over', async () => {
    const h = await atBranches();
    h.send(
      move({
        targets: ['$startStep'],
        startElementId: 'start',
        assignee: 'starter',
        history: 'instance.withdrawn',
      }),
    );
    expect(h.active).toEqual(['start']);
    expect(h.task('start')).toMatchObject({ assignee: 'starter', formKey: 'apply-form', name: '填报' });
    h.completeTask('start', { title: '改过' }, { actor: 'starter' });
    expect(h.active).toEqual(['first']);
    expect(h.vars.title).toBe('改过');
    expect(h.trail).toContain('instance.withdrawn:start');
  });

  it('given a target whose container holds no token, when moved, then the step is rejected and nothing changes', async () => {
    const h = (await deploy(xml)).start({ signers: ['x'] });
    const before = h.snapshot;
    const r = h.send(move({ targets: ['a2'] }));
    expect(r).toMatchObject({ rejected: true });
    expect(h.snapshot).toBe(before);
  });

  it('given a token in a branch, when it is terminated without a target, then the branch ends and the join waits for the other', async () => {
    const h = await atBranches();
    h.send(
      move({ targets: [], exits: ['a1'], history: 'instance.modified', actor: 'admin', comment: '卡住了' }),
    );
    expect(h.active).toEqual(['b1']);
    expect(h.history.find((e) => e.type === 'instance.modified')).toMatchObject({
      elementId: 'a1',
      actor: 'admin',
      data: { comment: '卡住了', terminated: true },
    });
    h.completeTask('b1');
    expect(h.active.sort()).toEqual(['s1', 'sub']);
  });
});

describe('migrateSnapshot', () => {
  const v2 = xml.replace(/"s1"/g, '"recheck"').replace('name="复核一"', 'name="重新复核"');
  async function compiled(x: string): Promise<CompiledProcess> {
    const r = await compileBpmn(x);
    if (!r.ok) throw new Error('does not compile');
    return r.processes[0];
  }

  it('given an instance at a renamed step, when migrated with a mapping, then it runs on in the target version', async () => {
    const h = await atBranches();
    h.completeTask('a1').completeTask('a2').completeTask('b1');
    const to = await compiled(v2);
    const m = migrateSnapshot(h.process, to, JSON.parse(h.snapshot as string), [
      { source: 's1', target: 'recheck' },
    ]);
    if (!m.ok) throw new Error(m.reason);
    expect(m.activeElementIds.sort()).toEqual(['recheck', 'sub']);
    expect(m.renamed).toEqual({ s1: 'recheck' });
    const h2 = await deploy(v2);
    h2.snapshot = JSON.stringify(m.snapshot);
    h2.tasks.set('recheck#1', { ...h.task('s1'), taskKey: 'recheck#1', elementId: 'recheck' });
    h2.completeTask('recheck');
    expect(h2.active.sort()).toEqual(['s2', 'sub']);
  });

  it('given an instance at a renamed step, when migrated without a mapping, then it fails with the reason and the snapshot is untouched', async () => {
    const h = await atBranches();
    h.completeTask('a1').completeTask('a2').completeTask('b1');
    const snap = JSON.parse(h.snapshot as string);
    const m = migrateSnapshot(h.process, await compiled(v2), snap, []);
    expect(m).toMatchObject({ ok: false });
    expect(!m.ok && m.reason).toMatch(/s1/);
    expect(JSON.stringify(snap)).toBe(h.snapshot);
  });
});

describe('upgradeCompiled', () => {
  it('given a machine compiled before moves and 加签, when upgraded, then a return and a signer work on its snapshot', async () => {
    const h = await atBranches();
    // what an older engine stored: no move transitions, no start step, no signer transitions
    const old = JSON.parse(JSON.stringify(h.process)) as CompiledProcess;
    const strip = (node: any) => {
      if (node.on) {
        delete node.on['token.move'];
        delete node.on['task.addSigners'];
        delete node.on['task.removeSigners'];
        if (node.on['task.complete'])
          node.on['task.complete'] = node.on['task.complete'].filter(
            (t: any) => !String(t.guard?.type).startsWith('signer'),
          );
      }
      if (node.exit) node.exit = node.exit.filter((a: any) => a.type !== 'signers.clear');
      for (const c of Object.values(node.states ?? {})) strip(c);
    };
    strip(old.machine);
    delete (old.machine as any).states.$startStep;
    delete (old.machine as any).meta.moves;
    const canonical = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(canonical)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, canonical((v as any)[k])]),
            )
          : v;
    const upgraded = upgradeCompiled(old);
    expect(canonical(upgraded.machine)).toEqual(canonical(h.process.machine));
    // and the running instance's snapshot takes a return on the upgraded machine
    const h2 = new Harness(upgraded, {});
    h2.snapshot = h.snapshot;
    const r = h2.send(move({ targets: ['first'] }));
    expect('rejected' in r).toBe(false);
    expect(h2.active).toEqual(['first']);
  });
});

describe('migrateSnapshot with spawned children', () => {
  const side = (remind: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="sideMig" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="wait" name="办理" />
    <bpmn:boundaryEvent id="late" attachedToRef="wait" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:userTask id="${remind}" name="提醒" />
    <bpmn:endEvent id="remindEnd" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="${remind}" />
    <bpmn:sequenceFlow id="f4" sourceRef="${remind}" targetRef="remindEnd" />
  </bpmn:process>
</bpmn:definitions>`;

  it('given a running non-interrupting boundary path, when its step is renamed, then the path migrates with the instance', async () => {
    const h = (await deploy(side('remind'))).start();
    h.fireTimer('late');
    expect(h.active.sort()).toEqual(['remind', 'wait']);
    const v2 = await deploy(side('nudge'));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), [
      { source: 'remind', target: 'nudge' },
    ]);
    if (!m.ok) throw new Error(m.reason);
    expect(m.activeElementIds.sort()).toEqual(['nudge', 'wait']);
    v2.snapshot = JSON.stringify(m.snapshot);
    const t = h.task('remind');
    v2.tasks.set('nudge#1', { ...t, taskKey: 'nudge#1', elementId: 'nudge' });
    v2.tasks.set('wait#1', h.task('wait'));
    v2.completeTask('nudge');
    expect(v2.active).toEqual(['wait']);
    v2.completeTask('wait');
    expect(v2.status).toBe('completed');
  });

  it('given a running boundary path, when the target has no such boundary, then it fails with the reason', async () => {
    const h = (await deploy(side('remind'))).start();
    h.fireTimer('late');
    const plain = (await deploy(xml)).process;
    const m = migrateSnapshot(h.process, plain, JSON.parse(h.snapshot as string), [
      { source: 'wait', target: 'first' },
    ]);
    expect(m.ok).toBe(false);
  });
});

describe('migrateSnapshot with multi-instance bodies', () => {
  const mi = fixture(new URL('../elements/container/x.ts', import.meta.url).href, 'multi-instance-body.bpmn');

  it('given two running bodies, when the body step is renamed, then both bodies migrate and run on', async () => {
    const h = (await deploy(mi)).start({ units: ['U1', 'U2'] });
    const v2 = await deploy(mi.replace(/"check"/g, '"verify"'));
    const m = migrateSnapshot(h.process, v2.process, JSON.parse(h.snapshot as string), [
      { source: 'check', target: 'verify' },
    ]);
    if (!m.ok) throw new Error(m.reason);
    expect(m.activeElementIds.sort()).toEqual(['perUnit', 'verify', 'verify']);
    v2.snapshot = JSON.stringify(m.snapshot);
    for (const a of [1, 2]) {
      expect(
        'rejected' in
          v2.send({ type: 'task.complete', elementId: 'verify', activation: a, variables: { checked: a } }),
      ).toBe(false);
      v2.send({ type: 'task.complete', elementId: 'sign', activation: a, variables: {} });
    }
    expect(v2.status).toBe('completed');
  });
});
