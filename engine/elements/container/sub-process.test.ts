/** @module Embedded subprocess: its body runs inside it; completion continues outside; a boundary timer interrupts the whole body. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'sub-process.bpmn');

describe('embedded subprocess', () => {
  it('given the body runs, when both tasks complete, then the subprocess completes and its timer is cancelled', async () => {
    const h = (await deploy(xml)).start();
    expect(h.active).toEqual(['verification', 'checkData']);
    h.completeTask('checkData');
    h.completeTask('signOff');
    expect(h.status).toBe('completed');
    expect(h.effects).toContainEqual({ type: 'timer.cancelled', timerKey: 'limit#1' });
  });

  it('given a task open inside, when the boundary timer fires, then the inner task is cancelled and the expired path ends it', async () => {
    const h = (await deploy(xml)).start();
    h.completeTask('checkData');
    h.fireTimer('limit');
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'signOff#1', reason: 'cancelled' });
    expect(h.status).toBe('completed');
    expect(h.trail).toContain('element.completed:expired');
  });
});
