/** @module Event-based gateway: timer and message armed together; the first wins and the other is cancelled. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'event-based-gateway.bpmn');

describe('event-based gateway', () => {
  it('given both armed, when the message arrives first, then the timer is cancelled', async () => {
    const h = (await deploy(xml)).start({ caseNo: 'C-1' });
    expect(h.timer('timeout').dueAt).toBe('2026-03-04T01:00:00.000Z');
    h.correlate('reply', { ok: true });
    expect(h.status).toBe('completed');
    expect(h.effects).toContainEqual({ type: 'timer.cancelled', timerKey: 'timeout#1' });
    expect(h.trail).toContain('element.completed:answered');
  });

  it('given both armed, when the timer fires first, then the subscription is dropped and a late message is refused', async () => {
    const h = (await deploy(xml)).start({ caseNo: 'C-1' });
    h.fireTimer('timeout');
    expect(h.status).toBe('completed');
    expect(h.effects).toContainEqual({ type: 'message.unsubscribed', subscriptionKey: 'reply#1' });
    const late = h.send({
      type: 'message.correlate',
      messageName: 'reply',
      elementId: 'reply',
      activation: 1,
      variables: {},
    });
    expect(late).toMatchObject({ rejected: true });
  });

  it('given a timer expression that fails, when the gateway arms, then the incident names the catch event and retry re-arms only it', async () => {
    const h = (
      await deploy(
        xml.replace(
          '<bpmn:timeDuration>P2D</bpmn:timeDuration>',
          '<bpmn:timeDuration>=wait</bpmn:timeDuration>',
        ),
      )
    ).start({ caseNo: 'C-1' });
    expect([...h.incidents.values()][0]).toMatchObject({
      elementId: 'timeout',
      errorType: 'timer-expression',
    });
    h.retryIncident('timeout');
    expect(h.status).toBe('incident');
    expect(h.subscriptions.size).toBe(1);
    h.correlate('reply');
    expect(h.status).toBe('completed');
    expect(h.incidents.size).toBe(0);
  });
});
