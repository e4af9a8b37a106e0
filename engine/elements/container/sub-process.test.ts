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

describe('embedded subprocess errors and terminate', () => {
  const withService = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:subProcess id="sub">
      <bpmn:startEvent id="ss" />
      <bpmn:serviceTask id="fetch"><bpmn:extensionElements><zeebe:taskDefinition type="fetch" /></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:userTask id="inner" />
      <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
      <bpmn:sequenceFlow id="i1" sourceRef="ss" targetRef="fetch" />
      <bpmn:sequenceFlow id="i2" sourceRef="fetch" targetRef="inner" />
      <bpmn:sequenceFlow id="i3" sourceRef="inner" targetRef="stop" />
    </bpmn:subProcess>
    <bpmn:boundaryEvent id="failed" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>
    <bpmn:userTask id="after" />
    <bpmn:userTask id="handle" />
    <bpmn:endEvent id="e1" />
    <bpmn:endEvent id="e2" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub" />
    <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="after" />
    <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="e1" />
    <bpmn:sequenceFlow id="f4" sourceRef="failed" targetRef="handle" />
    <bpmn:sequenceFlow id="f5" sourceRef="handle" targetRef="e2" />
  </bpmn:process>
  <bpmn:error id="err" errorCode="FETCH_FAILED" />
</bpmn:definitions>`;

  it('given a worker error inside the subprocess, when it bubbles up, then the error boundary on the subprocess catches it', async () => {
    const h = (await deploy(withService)).start();
    h.throwError('fetch', 'FETCH_FAILED');
    expect(h.active).toEqual(['handle']);
  });

  it('given a terminate end event inside, when reached, then only the subprocess ends and the process continues', async () => {
    const h = (await deploy(withService)).start();
    h.completeJob('fetch');
    h.completeTask('inner');
    expect(h.active).toEqual(['after']);
    expect(h.status).toBe('active');
  });
});
