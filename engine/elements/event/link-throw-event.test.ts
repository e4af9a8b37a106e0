/** @module Link throw event: the path continues at the link catch event of the same name. */
import { expect, it } from 'vitest';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'link-throw-event.bpmn');

it('given a link throw, when the path reaches it, then it continues at the catch of the same name', async () => {
  const h = (await deploy(xml)).start();
  h.completeTask('fill');
  expect(h.active).toEqual(['review']);
  expect(h.trail).toEqual(
    expect.arrayContaining(['element.completed:toReview', 'element.completed:atReview']),
  );
  h.completeTask('review');
  expect(h.status).toBe('completed');
});

it('given a link throw whose name no catch carries, when deployed, then it is refused naming the link', async () => {
  const r = await compileBpmn(
    xml.replace(
      'name="审核" /></bpmn:intermediateThrowEvent>',
      'name="复核" /></bpmn:intermediateThrowEvent>',
    ),
  );
  expect(r.ok).toBe(false);
  const found = !r.ok && r.issues.find((i) => i.code === 'link.target');
  expect(found).toMatchObject({ elementId: 'toReview' });
  expect(found && found.message).toContain('复核');
});
