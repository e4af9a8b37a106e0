/** @module Message boundary events: interrupting withdraw (撤回) and a non-interrupting note whose path runs alongside. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'message-boundary-event.bpmn');

describe('message boundary event', () => {
  it('given review is open, when the withdraw message arrives, then the task is cancelled and the instance ends as withdrawn', async () => {
    const h = (await deploy(xml)).start({ applicationId: 'A1' });
    h.correlate('application.withdrawn', { reason: '填错了' });
    expect(h.effects).toContainEqual({ type: 'task.closed', taskKey: 'review#1', reason: 'cancelled' });
    expect(h.effects).toContainEqual({ type: 'message.unsubscribed', subscriptionKey: 'note#1' });
    expect(h.status).toBe('completed');
    expect(h.vars.reason).toBe('填错了');
    expect(h.trail).toContain('element.completed:withdrawn');
  });

  it('given review is open, when a note arrives, then the review stays open and the note path records it', async () => {
    const h = (await deploy(xml)).start({ applicationId: 'A1' });
    h.correlate('application.note', { note: '补充材料' });
    expect(h.active).toEqual(['review']);
    expect(h.task('review').taskKey).toBe('review#1');
    expect(h.trail).toContain('side-path.completed:note');
    expect(h.vars.lastNote).toBe('补充材料');
    // Non-interrupting: the subscription stays, so a second note is accepted too.
    h.correlate('application.note', { note: '再次补充' });
    expect(h.vars.lastNote).toBe('再次补充');
    expect(h.trail.filter((t) => t === 'side-path.completed:note')).toHaveLength(2);
  });
});
