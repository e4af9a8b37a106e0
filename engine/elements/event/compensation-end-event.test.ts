/** @module Compensation end event: runs the handlers, then ends its path. */
import { expect, it } from 'vitest';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'compensation-throw-event.bpmn')
  .replace(
    '<bpmn:intermediateThrowEvent id="undoAll"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>',
    '<bpmn:endEvent id="undoAll"><bpmn:compensateEventDefinition /></bpmn:endEvent>',
  )
  .replace('<bpmn:sequenceFlow id="f5" sourceRef="undoAll" targetRef="explain" />', '')
  .replace('<bpmn:userTask id="explain" />', '')
  .replace('<bpmn:sequenceFlow id="f6" sourceRef="explain" targetRef="rejected" />', '')
  .replace('<bpmn:endEvent id="rejected" />', '');

it('given a compensation end event, when reached after both activities completed, then both handlers run and the instance ends', async () => {
  const h = (await deploy(xml)).start();
  h.completeJob('reserve');
  h.completeTask('notifyUnits');
  h.completeTask('approve', { approved: false });
  h.completeTask('retract');
  h.completeJob('release');
  expect(h.status).toBe('completed');
  expect(h.trail).toContain('element.completed:undoAll');
});
