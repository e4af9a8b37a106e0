/** @module Token regions (issue #13): concurrency that is not block-structured runs with BPMN's token semantics. */
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../index';
import { deploy, fixture } from '../testing';

const xml = fixture(import.meta.url, 'token-scope.bpmn');
const run = (processId: string) => deploy(xml, { processId });
const sorted = (xs: string[]) => [...xs].sort();

describe('token regions', () => {
  it('given a join fed by two splits, when its inputs arrive one by one, then it fires only with both and the unjoined branch ends alone', async () => {
    const h = (await run('joinOfTwoSplits')).start();
    expect(sorted(h.active)).toEqual(['a', 'b']);
    h.completeTask('a');
    expect(sorted(h.active)).toEqual(['b', 'c', 'd']);
    h.completeTask('b');
    expect(sorted(h.active)).toEqual(['c', 'd']);
    h.completeTask('c');
    expect(sorted(h.active)).toEqual(['d', 'e']);
    h.completeTask('e');
    expect(h.status).toBe('active');
    h.completeTask('d');
    expect(h.status).toBe('completed');
    expect(h.trail.filter((t) => t === 'element.completed:J')).toHaveLength(1);
  });

  it('given a branch that may leave its block, when it goes to the join, then the join fires with both tokens', async () => {
    const h = (await run('flowLeavesBranch')).start();
    h.completeTask('x', { skip: false });
    expect(sorted(h.active)).toEqual(['y']);
    h.completeTask('y');
    expect(h.active).toEqual(['z']);
    h.completeTask('z');
    expect(h.status).toBe('completed');
  });

  it('given a branch that leaves its block, when it ends early, then the join waits for ever as BPMN says (the instance stays active)', async () => {
    const h = (await run('flowLeavesBranch')).start();
    h.completeTask('x', { skip: true });
    h.completeTask('y');
    expect(h.status).toBe('active');
    expect(h.active).toEqual([]);
  });

  it('given an inclusive join outside a block, when only one branch was taken, then it does not wait for the other', async () => {
    const h = (await run('inclusiveJoin')).start({ A: true, B: false });
    expect(h.active).toEqual(['ta']);
    h.completeTask('ta');
    expect(h.active).toEqual(['after']);
  });

  it('given an inclusive join outside a block, when both branches were taken, then it waits for the token still upstream and not for the branch that ended', async () => {
    const h = (await run('inclusiveJoin')).start({ A: true, B: true });
    expect(sorted(h.active)).toEqual(['ta', 'tb']);
    h.completeTask('ta');
    expect(sorted(h.active)).toEqual(['tb']);
    h.completeTask('tb');
    expect(sorted(h.active)).toEqual(['tc', 'td']);
    h.completeTask('tc');
    expect(sorted(h.active)).toEqual(['after', 'td']);
    h.completeTask('td');
    h.completeTask('after');
    expect(h.status).toBe('completed');
  });

  it('given an inclusive join on a cycle outside a block, when deployed, then it is refused with the reason (BPMN leaves it undefined)', async () => {
    const cyclic = xml.replace(
      '<bpmn:sequenceFlow id="i11" sourceRef="after" targetRef="i9" />',
      `<bpmn:exclusiveGateway id="again" default="i11" />
       <bpmn:sequenceFlow id="i12" sourceRef="after" targetRef="again" />
       <bpmn:sequenceFlow id="i11" sourceRef="again" targetRef="i9" />
       <bpmn:sequenceFlow id="back" sourceRef="again" targetRef="OJ"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=retry</bpmn:conditionExpression></bpmn:sequenceFlow>`,
    );
    const r = await compileBpmn(cyclic);
    expect(r.ok).toBe(false);
    const found = !r.ok && r.issues.find((i) => i.code === 'token.inclusive-join-cycle');
    expect(found).toMatchObject({ elementId: 'OJ' });
    expect(found ? found.message : '').toContain('BPMN 未定义');
  });

  it('given a token region with a message start beside the none start, when started by that start event, then the token begins there', async () => {
    const two = xml
      .replace(
        '<bpmn:startEvent id="start" />',
        '<bpmn:startEvent id="start" /><bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent><bpmn:userTask id="triage" />',
      )
      .replace(
        '<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="P1" />',
        '<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="P1" /><bpmn:sequenceFlow id="m1" sourceRef="byMessage" targetRef="triage" /><bpmn:sequenceFlow id="m2" sourceRef="triage" targetRef="a" />',
      )
      .replace('</bpmn:definitions>', '<bpmn:message id="m" name="来件" /></bpmn:definitions>');
    const h = (await deploy(two, { processId: 'joinOfTwoSplits' })).start({}, { startEventId: 'byMessage' });
    expect(h.active).toEqual(['triage']);
    // An activity with two incoming flows merges them (a parallel gateway would wait for both).
    h.completeTask('triage');
    expect(h.active).toEqual(['a']);
    const plain = (await deploy(two, { processId: 'joinOfTwoSplits' })).start();
    expect(sorted(plain.active)).toEqual(['a', 'b']);
  });

  it('given an activity with two outgoing flows (uncontrolled flow), when it completes, then both flows get a token', async () => {
    const h = (await run('implicitSplit')).start();
    h.completeTask('register');
    expect(sorted(h.active)).toEqual(['check', 'notifyUnit']);
    h.completeTask('check');
    h.completeTask('notifyUnit');
    expect(h.status).toBe('completed');
  });

  it('given a non-interrupting boundary whose path forks at once, when it fires, then both branches of the reminder path run', async () => {
    const h = (await run('forkingReminder')).start();
    h.fireTimer('remind');
    expect([...h.jobs.values()].map((j) => j.jobType).sort()).toEqual(['mail', 'sms']);
    h.completeTask('work');
    expect(h.status).toBe('active');
    h.completeJob('sms');
    h.completeJob('mail');
    expect(h.status).toBe('completed');
  });

  it('given a task still open, when a second token reaches it, then it runs a second time at once and each token goes on when its own task is done', async () => {
    const h = (await run('concurrentActivations')).start();
    expect(sorted(h.active)).toEqual(['prep', 'review']);
    h.completeTask('prep');
    expect(sorted(h.active)).toEqual(['review', 'review']);
    const keys = [...h.tasks.keys()].sort();
    expect(keys).toEqual(['review#1', 'review#1000000']);
    // The second one (the child's) first: its token goes on to archive, the first review stays.
    h.send({
      type: 'task.complete',
      elementId: 'review',
      activation: 1000000,
      variables: { opinion: '同意' },
    });
    expect(sorted(h.active)).toEqual(['archive', 'review']);
    expect(h.vars).toEqual({ opinion: '同意' });
    // Then the first: archive is busy, so it too runs twice.
    h.send({ type: 'task.complete', elementId: 'review', activation: 1, variables: {} });
    expect(sorted(h.active)).toEqual(['archive', 'archive']);
    h.completeTask('archive');
    expect(h.status).toBe('active');
    h.completeTask('archive');
    expect(h.status).toBe('completed');
    expect(h.trail.filter((t) => t === 'element.completed:review')).toHaveLength(2);
  });

  it("given two activations of a task, when the second one's interrupting timer boundary fires, then only that one leaves by it", async () => {
    const h = (await run('concurrentActivations')).start();
    h.completeTask('prep');
    const second = [...h.timers.values()].find((t) => t.activation === 1000000);
    h.now = second?.dueAt as string;
    h.send({
      type: 'timer.fire',
      timerKey: 'reviewTimeout#1000000',
      elementId: 'reviewTimeout',
      activation: 1000000,
    });
    expect(sorted(h.active)).toEqual(['late', 'review']);
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'review#1000000', reason: 'cancelled' });
    expect(h.tasks.has('review#1')).toBe(true);
  });

  it('given two activations of a task, when the instance is cancelled, then both tasks close', async () => {
    const h = (await run('concurrentActivations')).start();
    h.completeTask('prep');
    h.cancel();
    expect(h.status).toBe('cancelled');
    expect(h.tasks.size).toBe(0);
    expect(h.timers.size).toBe(0);
  });

  it('given a subprocess still running, when a second token reaches it, then a second instance of it runs at once with its own inner task', async () => {
    const h = (await run('concurrentSubProcess')).start();
    h.completeTask('prep2');
    expect(sorted(h.active)).toEqual(['inner', 'inner', 'sp', 'sp']);
    expect([...h.tasks.keys()].sort()).toEqual(['inner#1', 'inner#1000000']);
    h.send({ type: 'task.complete', elementId: 'inner', activation: 1000000, variables: { x: 1 } });
    expect(sorted(h.active)).toEqual(['inner', 'sp']);
    expect(h.vars).toEqual({ x: 1 });
    h.completeTask('inner');
    expect(h.status).toBe('completed');
  });

  it('given a block-structured process, when compiled, then it has no token region (old paths unchanged)', async () => {
    const r = await compileBpmn(
      fixture(new URL('../elements/gateway/', import.meta.url).href, 'parallel-gateway.bpmn'),
    );
    expect(r.ok && JSON.stringify(r.processes[0].machine)).not.toContain('$tokens');
  });
});
