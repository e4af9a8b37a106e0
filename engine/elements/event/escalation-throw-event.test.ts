/** @module Escalation throw and end events with escalation boundaries (interrupting or not) and an uncaught escalation. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'escalation-throw-event.bpmn');

describe('escalation', () => {
  it('given a non-interrupting escalation boundary, when the throw event raises its code, then the leader path runs and the work goes on', async () => {
    const h = (await deploy(xml, { processId: 'escalationDemo' })).start();
    h.completeTask('draft', { choice: 'late' });
    expect(h.active.sort()).toEqual(['finish', 'leaderNotified', 'work']);
    expect(h.trail).toContain('escalation.caught:onLate');
    h.completeTask('finish');
    h.completeTask('leaderNotified');
    expect(h.status).toBe('completed');
  });

  it('given an interrupting escalation boundary, when an escalation end event raises its code, then the subprocess is left for the boundary path', async () => {
    const h = (await deploy(xml, { processId: 'escalationDemo' })).start();
    h.completeTask('draft', { choice: 'big' });
    expect(h.active).toEqual(['leaderDecides']);
    expect(h.trail).toContain('element.terminated:work');
    h.completeTask('leaderDecides');
    expect(h.status).toBe('completed');
  });

  it('given an escalation nobody catches, when thrown, then the path simply continues (no incident, as in Zeebe)', async () => {
    const h = (await deploy(xml, { processId: 'uncaughtDemo' })).start();
    expect(h.status).toBe('active');
    expect(h.active).toEqual(['goOn']);
    expect(h.incidents.size).toBe(0);
  });

  it('given a non-interrupting escalation event subprocess, when the main flow raises its code, then the handler runs beside it', async () => {
    const h = (await deploy(xml, { processId: 'evsubDemo' })).start();
    expect(h.active.sort()).toEqual(['carryOn', 'handleLate']);
    h.completeTask('carryOn');
    expect(h.status).toBe('active');
    h.completeTask('handleLate');
    expect(h.status).toBe('completed');
  });
});
