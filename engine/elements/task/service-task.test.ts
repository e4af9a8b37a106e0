/** @module Service task: a job with type, retries, headers and input mappings; output mappings on completion. */
import { describe, expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'service-task.bpmn');

describe('service task', () => {
  it('given the task is reached, when the job is created, then it carries type, retries, headers and only the mapped inputs', async () => {
    const h = (await deploy(xml)).start({ entry: { code: 'A-1', version: 1 }, secret: 'x' });
    expect(h.job('publish')).toMatchObject({
      jobKey: 'publish#1',
      jobType: 'catalog.publish',
      retries: 5,
      headers: { channel: 'portal' },
      variables: { code: 'A-1', next: { version: 2 } },
    });
    expect(h.active).toEqual(['publish']);
  });

  it('given an open job, when the worker completes it, then only the output mappings reach the instance', async () => {
    const h = (await deploy(xml)).start({ entry: { code: 'A-1', version: 1 } });
    h.completeJob('publish', { id: 'E42', noise: true });
    expect(h.status).toBe('completed');
    expect(h.vars.catalogEntryId).toBe('E42');
    expect(h.vars.noise).toBeUndefined();
    expect(h.effects.some((e) => e.type === 'job.cancelled')).toBe(false);
  });

  it('given a BPMN error nobody catches, when the worker throws it, then an incident holds the task until retry creates a new job', async () => {
    const h = (await deploy(xml)).start({ entry: { code: 'A-1', version: 1 } });
    h.throwError('publish', 'NOT_FOUND');
    expect(h.status).toBe('incident');
    h.retryIncident('publish');
    expect(h.job('publish').jobKey).toBe('publish#2');
    expect(h.status).toBe('active');
  });
});
