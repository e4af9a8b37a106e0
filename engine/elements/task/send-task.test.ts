/** @module Send task: a job, exactly as a service task (Zeebe semantics). */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'send-task.bpmn');
const valid = xml.replace(/<bpmn:process id="sendTaskWithoutType"[\s\S]*?<\/bpmn:process>/, '');

it('given a send task, when it is reached, then a job waits for a worker and its completion maps the outputs and moves on', async () => {
  const h = (await deploy(valid)).start({ applicant: '张三' });
  expect(h.job('notify')).toMatchObject({
    jobKey: 'notify#1',
    jobType: 'sms.send',
    retries: 2,
    headers: { template: 'approved' },
  });
  expect(h.active).toEqual(['notify']);
  h.completeJob('notify', { messageId: 'M-1' });
  expect(h.status).toBe('completed');
  expect(h.vars.smsId).toBe('M-1');
});

it('given a send task without a job type, when deployed, then it is refused naming the element in Chinese', async () => {
  const r = await compileBpmn(xml);
  expect(r.ok).toBe(false);
  const found = !r.ok && r.issues.find((i) => i.elementId === 'untyped');
  expect(found).toMatchObject({ code: 'job.missing-type' });
  expect(found && found.message).toContain('发送任务缺少作业类型');
});
