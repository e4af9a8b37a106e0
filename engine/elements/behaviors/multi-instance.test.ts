/** @module Multi-instance user tasks (会签): one task per item with local variables, outputs collected, completion condition. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'multi-instance.bpmn');

describe('multi-instance user task', () => {
  it('given three signers, when started in parallel, then three tasks open with the signer bound locally', async () => {
    const h = (await deploy(xml)).start({ signers: ['li', 'wang', 'zhao'] });
    const tasks = [...h.tasks.values()];
    expect(tasks.map((t) => [t.taskKey, t.assignee, t.loopIndex])).toEqual([
      ['countersign#1/0', 'li', 0],
      ['countersign#1/1', 'wang', 1],
      ['countersign#1/2', 'zhao', 2],
    ]);
    expect(tasks[1].localVars).toEqual({ signer: 'wang', loopCounter: 2 });
    expect(h.vars.signer).toBeUndefined();
  });

  it('given a completion condition, when two approve, then the third task is cancelled and opinions are collected', async () => {
    const h = (await deploy(xml)).start({ signers: ['li', 'wang', 'zhao'] });
    h.completeTask('countersign', { approved: true }, { loopIndex: 0 });
    expect(h.status).toBe('active');
    h.completeTask('countersign', { approved: true }, { loopIndex: 2 });
    expect(h.status).toBe('completed');
    expect(h.effects).toContainEqual({
      type: 'task.closed',
      taskKey: 'countersign#1/1',
      reason: 'cancelled',
    });
    expect(h.vars.opinions).toEqual([{ signer: 'li', ok: true }, null, { signer: 'zhao', ok: true }]);
  });

  it('given a sequential loop, when each signer completes, then the next task opens only then', async () => {
    const seq = xml.replace(
      '<bpmn:multiInstanceLoopCharacteristics>',
      '<bpmn:multiInstanceLoopCharacteristics isSequential="true">',
    );
    const h = (await deploy(seq)).start({ signers: ['li', 'wang'] });
    expect([...h.tasks.keys()]).toEqual(['countersign#1/0']);
    h.completeTask('countersign', { approved: false }, { loopIndex: 0 });
    expect([...h.tasks.keys()]).toEqual(['countersign#1/1']);
    h.completeTask('countersign', { approved: false }, { loopIndex: 1 });
    expect(h.status).toBe('completed');
  });

  it('given an empty collection, when reached, then the element completes at once', async () => {
    const h = (await deploy(xml)).start({ signers: [] });
    expect(h.status).toBe('completed');
    expect(h.vars.opinions).toEqual([]);
  });

  it('given a completed item, when it is completed again, then the step is rejected', async () => {
    const h = (await deploy(xml)).start({ signers: ['li', 'wang', 'zhao'] });
    h.completeTask('countersign', { approved: true }, { loopIndex: 0 });
    expect(
      h.send({ type: 'task.complete', elementId: 'countersign', activation: 1, loopIndex: 0, variables: {} }),
    ).toMatchObject({ rejected: true });
  });
});
