/** @module Escalation boundary event: only on subprocesses; non-interrupting runs its path beside the subprocess. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'escalation-throw-event.bpmn');

it('given a non-interrupting escalation boundary, when its code is raised, then the leader path runs as its own path while the subprocess goes on', async () => {
  const d = await deploy(xml, { processId: 'escalationDemo' });
  const h = d.start();
  h.completeTask('draft', { choice: 'late' });
  expect(h.task('leaderNotified').activation).toBeGreaterThan(0);
  expect(h.active).toContain('finish');
});

it('given an escalation boundary on a user task, when deployed, then it is refused: escalations come from subprocesses', async () => {
  const r = await compileBpmn(
    xml.replace(
      'attachedToRef="work" cancelActivity="false"',
      'attachedToRef="draft" cancelActivity="false"',
    ),
  );
  expect(r.ok).toBe(false);
  expect(!r.ok && r.issues.find((i) => i.elementId === 'onLate')).toMatchObject({
    code: 'escalation-boundary.host',
  });
});
